package web

import (
	"container/list"
	"encoding/binary"
	"strings"
	"sync"
)

// lru is a least-recently-used cache of strings by key, bounded by the bytes
// of its keys and values. It is safe for concurrent use; a nil *lru stores
// nothing.
type lru struct {
	mu    sync.Mutex
	max   int // bytes
	size  int
	order *list.List // of *lruEntry, most recently used first
	items map[string]*list.Element
}

type lruEntry struct {
	key, val string
}

// newLRU returns a cache of at most max bytes; nil when max <= 0.
func newLRU(max int) *lru {
	if max <= 0 {
		return nil
	}
	return &lru{max: max, order: list.New(), items: map[string]*list.Element{}}
}

// get returns the value stored under key.
func (c *lru) get(key string) (string, bool) {
	if c == nil {
		return "", false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok {
		return "", false
	}
	c.order.MoveToFront(e)
	return e.Value.(*lruEntry).val, true
}

// put stores val under key, dropping the least recently used entries to
// stay within the bound; a value larger than the whole bound is not kept.
func (c *lru) put(key, val string) {
	if c == nil {
		return
	}
	n := len(key) + len(val)
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.size -= len(key) + len(e.Value.(*lruEntry).val)
		c.order.Remove(e)
		delete(c.items, key)
	}
	if n > c.max {
		return
	}
	for c.size+n > c.max {
		last := c.order.Back()
		old := last.Value.(*lruEntry)
		c.size -= len(old.key) + len(old.val)
		c.order.Remove(last)
		delete(c.items, old.key)
	}
	c.items[key] = c.order.PushFront(&lruEntry{key, val})
	c.size += n
}

// bytes returns how many bytes the cache holds.
func (c *lru) bytes() int {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size
}

// pageCache keeps rendered story pages by story id, each with the version
// of the story it shows: a page is served again only for the same version.
type pageCache struct {
	lru *lru
}

// newPageCache returns a cache of at most max bytes.
func newPageCache(max int) *pageCache {
	return &pageCache{lru: newLRU(max)}
}

// get returns the page of story id at version, if kept.
func (c *pageCache) get(id string, version uint64) (string, bool) {
	if c == nil {
		return "", false
	}
	v, ok := c.lru.get(id)
	if !ok || len(v) < 8 || binary.BigEndian.Uint64([]byte(v[:8])) != version {
		return "", false
	}
	return v[8:], true
}

// put keeps a copy of page as story id's page at version, replacing any
// other version.
func (c *pageCache) put(id string, version uint64, page []byte) {
	if c == nil {
		return
	}
	var b strings.Builder
	b.Grow(8 + len(page))
	var v [8]byte
	binary.BigEndian.PutUint64(v[:], version)
	b.Write(v[:])
	b.Write(page)
	c.lru.put(id, b.String())
}
