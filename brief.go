package parallax

// FactStatus is the verdict on one fact across articles.
type FactStatus string

const (
	// Corroborated: two or more independent sources report it compatibly.
	Corroborated FactStatus = "corroborated"
	// SingleSource: only one independent source reports it.
	SingleSource FactStatus = "single_source"
	// Conflict: sources give incompatible values.
	Conflict FactStatus = "conflict"
	// AttributionSplit: the variants follow who is cited.
	AttributionSplit FactStatus = "attribution_split"
)

// Brief is the reconciled view of several articles about the same events.
// Its JSON form is the public contract documented in
// report/schema/brief.schema.json.
type Brief struct {
	Articles []ArticleRef    `json:"articles"`
	Facts    []Fact          `json:"facts"`
	Quotes   []QuoteRef      `json:"quotes"`
	Entities []EntitySummary `json:"entities"`
	Wording  []Wording       `json:"wording"`
	Unique   []Unique        `json:"unique"`
	Timeline []TimelineEntry `json:"timeline"`
	Summary  []SummaryLine   `json:"summary"`
	// Disputed is a plain-words paragraph of what sources disagree on.
	Disputed string `json:"disputed,omitempty"`
	// Problems lists inputs that could not be read, so that nothing is
	// lost silently.
	Problems []Problem `json:"problems,omitempty"`
}

// ArticleRef identifies one input article in a Brief.
type ArticleRef struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Published string `json:"published,omitempty"` // RFC 3339, empty when unknown
	Path      string `json:"path,omitempty"`
	URL       string `json:"url,omitempty"`
	Author    string `json:"author,omitempty"`
	// Origin names the group of near-duplicate copies this article
	// belongs to; articles with the same Origin are not independent.
	Origin string `json:"origin"`
}

// Fact is one thing the articles say, with every claim that says it.
type Fact struct {
	ID        string     `json:"id"`
	Status    FactStatus `json:"status"`
	Statement string     `json:"statement"`
	Claims    []ClaimRef `json:"claims"`
	Variants  []Variant  `json:"variants,omitempty"`
	// Outlets counts distinct outlets, Independent counts distinct
	// origins once syndicated copies are collapsed, and PrimarySources
	// counts distinct cited sources (a claim in the outlet's own voice
	// counts as its own source).
	Outlets        int `json:"outlets"`
	Independent    int `json:"independent_sources"`
	PrimarySources int `json:"primary_sources"`
	// Kind says what the variants differ in: "quantity", "date" or "scope".
	Kind string `json:"kind,omitempty"`
}

// ClaimRef cites one sentence of one article.
type ClaimRef struct {
	Article      string `json:"article"`
	Sentence     string `json:"sentence"`
	Span         Span   `json:"span"`
	AttributedTo string `json:"attributed_to,omitempty"`
}

// Variant is one of the incompatible versions of a disputed fact.
type Variant struct {
	Text         string       `json:"text"`
	Value        VariantValue `json:"value"`
	Articles     []string     `json:"articles"`
	AttributedTo []string     `json:"attributed_to"`
	// Compatible marks a version that fits every other one ("at least
	// five hours" beside "six hours" and "more than 10 hours"): shown for
	// completeness, it takes no side in the dispute.
	Compatible bool `json:"compatible,omitempty"`
}

// VariantValue is a variant's normalized value. Quantities fill Lo, Hi and
// Unit (Hi is nil when unbounded); dates fill Date and Granularity; scope
// variants fill Term.
type VariantValue struct {
	Lo          *float64 `json:"lo,omitempty"`
	Hi          *float64 `json:"hi,omitempty"`
	Unit        string   `json:"unit,omitempty"`
	Qualifier   string   `json:"qualifier,omitempty"`
	Date        string   `json:"date,omitempty"`
	Granularity string   `json:"granularity,omitempty"`
	Term        string   `json:"term,omitempty"`
}

// QuoteRef is one quote in a Brief.
type QuoteRef struct {
	Article string `json:"article"`
	Text    string `json:"text"`
	Speaker string `json:"speaker"` // canonical entity name, "" when unknown
	Kind    string `json:"kind"`
	Cue     string `json:"cue"`
	Span    Span   `json:"span"`
}

// EntitySummary is one entity merged across articles.
type EntitySummary struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Title    string   `json:"title,omitempty"`
	Aliases  []string `json:"aliases"`
	Articles []string `json:"articles"`
	Mentions int      `json:"mentions"`
}

// Wording is one thing written differently across outlets.
type Wording struct {
	Entity   string        `json:"entity"`
	Variants []WordingTerm `json:"variants"`
}

// WordingTerm is one way of writing it, and who writes it that way.
type WordingTerm struct {
	Term     string   `json:"term"`
	Articles []string `json:"articles"`
}

// Unique lists the content of one article that no other article reports.
type Unique struct {
	Article   string           `json:"article"`
	Sentences []UniqueSentence `json:"sentences"`
}

// UniqueSentence is one sentence only its article reports.
type UniqueSentence struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// TimelineEntry is one dated event.
type TimelineEntry struct {
	Date        string   `json:"date"` // ISO 8601 (YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www)
	Granularity string   `json:"granularity"`
	Text        string   `json:"text"`
	Articles    []string `json:"articles"`
	// Provenance says how the date was obtained: the words as written and
	// whether they were a calendar date or resolved from a weekday.
	Provenance string `json:"provenance,omitempty"`
}

// SummaryLine is one cited sentence of the consensus summary.
type SummaryLine struct {
	Sentence string   `json:"sentence"`
	Articles []string `json:"articles"`
}

// Problem is an input that could not be used, with the reason.
type Problem struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}
