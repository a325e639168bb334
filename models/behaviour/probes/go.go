package cache

import (
	"sync"
	"time"
)

type entry struct {
	value   string
	expires time.Time
}

// TTLCache keeps values for a fixed time after they are set.
type TTLCache struct {
	mu      sync.Mutex
	ttl     time.Duration
	entries map[string]entry
}

func New(ttl time.Duration) *TTLCache {
	return &TTLCache{ttl: ttl, entries: make(map[string]entry)}
}

func (c *TTLCache) Set(key, value string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[key] = entry{value: value, expires: time.Now().Add(c.ttl)}
}

func (c *TTLCache) Get(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || time.Now().After(e.expires) {
		delete(c.entries, key)
		return "", false
	}
	return e.value, true
}
