#include "outbox.h"

Outbox::Outbox(int capacity, OverflowPolicy policy)
    : m_capacity(std::max(1, capacity))
    , m_policy(policy) {}

std::optional<OutboxItem> Outbox::push(OutboxItem item) {
    if (int(m_items.size()) < m_capacity) {
        m_items.push_back(std::move(item));
        return std::nullopt;
    }
    if (m_policy == OverflowPolicy::DropNewest)
        return item;
    OutboxItem oldest = std::move(m_items.front());
    m_items.pop_front();
    m_items.push_back(std::move(item));
    return oldest;
}

void Outbox::pushFront(OutboxItem item) {
    m_items.push_front(std::move(item));
}

OutboxItem Outbox::takeFirst() {
    OutboxItem item = std::move(m_items.front());
    m_items.pop_front();
    return item;
}

std::deque<OutboxItem> Outbox::takeAll() {
    std::deque<OutboxItem> all;
    all.swap(m_items);
    return all;
}
