#pragma once

#include "outboxitem.h"

#include <deque>
#include <optional>

// The bounded queue in front of a transport. A slow or absent target never blocks the caller:
// when the queue is full the overflow policy picks the event that is dropped, and the caller
// counts it.
class Outbox {
public:
    enum class OverflowPolicy { DropOldest, DropNewest };

    Outbox(int capacity, OverflowPolicy policy);

    int capacity() const { return m_capacity; }
    OverflowPolicy policy() const { return m_policy; }
    int size() const { return int(m_items.size()); }
    bool isEmpty() const { return m_items.empty(); }

    // Adds `item`; returns the item dropped to make room (the oldest, or `item` itself under
    // DropNewest) when the queue was full.
    std::optional<OutboxItem> push(OutboxItem item);
    // Puts a retried item back at the front, without counting against overflow order.
    void pushFront(OutboxItem item);
    OutboxItem takeFirst();
    // Empties the queue, returning what was in it.
    std::deque<OutboxItem> takeAll();

private:
    int m_capacity;
    OverflowPolicy m_policy;
    std::deque<OutboxItem> m_items;
};
