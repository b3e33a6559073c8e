package parallax

import "time"

// Story is a group of articles about the same events, as built by online
// clustering over a stream of articles.
type Story struct {
	ID       string
	Title    string    // a representative headline
	Articles []string  // article ids, in arrival order
	First    time.Time // earliest publication (or arrival) time
	Last     time.Time // latest publication (or arrival) time
	// UpdatedAt is when the store last changed the story or its brief;
	// zero outside a store.
	UpdatedAt time.Time
	// Outlets and Independent are a store's counts: distinct outlets among
	// the story's articles, and distinct origins among its brief's
	// articles once syndicated copies are collapsed (-1 without a brief).
	// Both are zero outside a store.
	Outlets, Independent int
}

// Assignment says which story an article joined; it is the line format of
// `parallax cluster`: {"article": ID, "story": STORY_ID}.
type Assignment struct {
	Article string `json:"article"`
	Story   string `json:"story"`
}
