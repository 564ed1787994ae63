// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundedbuffer.h"

#include "telemetry/telemetryrecord.h"
#include "worker/pacing.h"

#include <cerrno>
#include <unistd.h>

namespace ProcViz {

int BoundedBuffer::initialize(Ring* ring, int capacity)
{
    if (capacity < 1 || capacity > MaxCapacity)
        return EINVAL;
    if (sem_init(&ring->empty, 1, unsigned(capacity)) != 0)
        return errno;
    if (sem_init(&ring->full, 1, 0) != 0) {
        const int error = errno;
        sem_destroy(&ring->empty);
        return error;
    }
    if (sem_init(&ring->mutex, 1, 1) != 0) {
        const int error = errno;
        sem_destroy(&ring->empty);
        sem_destroy(&ring->full);
        return error;
    }
    return 0;
}

void BoundedBuffer::destroy(Ring* ring)
{
    sem_destroy(&ring->empty);
    sem_destroy(&ring->full);
    sem_destroy(&ring->mutex);
}

BoundedBuffer::BoundedBuffer(Ring& ring, StateClock& clock)
    : m_ring(ring)
    , m_clock(clock)
    , m_pid(std::int32_t(getpid()))
{ }

void BoundedBuffer::put(Slot slot)
{
    ReportingWait(m_clock).acquire(&m_ring.empty);
    enter();
    slot.pid = m_pid;
    slot.putNs = monotonicNowNs();
    // The ring always has MaxCapacity slots; `empty` alone keeps the smaller capacity a lesson asked for.
    m_ring.items[m_ring.tail++ % MaxCapacity] = slot;
    const auto depth = m_ring.depth.fetch_add(1) + 1;
    if (depth > m_ring.maxDepth.load())
        m_ring.maxDepth = depth; // only ever written inside the mutex
    leave();
    sem_post(&m_ring.full);
}

BoundedBuffer::Slot BoundedBuffer::get()
{
    ReportingWait(m_clock).acquire(&m_ring.full);
    enter();
    const Slot slot = m_ring.items[m_ring.head++ % MaxCapacity];
    m_ring.depth.fetch_sub(1);
    leave();
    sem_post(&m_ring.empty);
    return slot;
}

void BoundedBuffer::enter()
{
    ReportingWait(m_clock).acquire(&m_ring.mutex);
    m_ring.holder = m_pid;
}

void BoundedBuffer::leave()
{
    m_ring.holder = 0;
    sem_post(&m_ring.mutex);
}

} // namespace ProcViz
