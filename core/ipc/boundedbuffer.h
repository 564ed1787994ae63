// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <semaphore.h>

namespace ProcViz {

class StateClock;

/// The textbook bounded buffer between processes: a ring of slots in shared memory guarded by three
/// process-shared POSIX semaphores. `empty` counts free slots, `full` counts filled ones and `mutex` (a binary
/// semaphore) lets one process at a time move the ring's head or tail. Every blocked sem_wait is accounted on
/// the caller's StateClock (ReportingWait): the lane shows Waiting for as long as it lasts.
class BoundedBuffer
{
public:
    /// "Unbounded" is this many slots: a queue without any bound would only move the limit to memory.
    static constexpr int MaxCapacity = 4096;

    /// One item in the ring. put() fills in who put it and when, for the hand-off the taker reports.
    struct Slot
    {
        std::int32_t producer; ///< the caller's: the queue lesson marks its end-of-stream sentinel here
        std::int32_t seq;
        std::int32_t pid; ///< the putting process's
        std::int64_t putNs; ///< when it was put (CLOCK_MONOTONIC)
    };

    /// The buffer's part of a shared segment, zero-filled, set up once by initialize() before any process uses it.
    struct Ring
    {
        sem_t empty; ///< free slots: producers wait on it
        sem_t full; ///< filled slots: consumers wait on it
        sem_t mutex; ///< 1 while nobody moves head or tail
        std::atomic<std::int32_t> holder; ///< pid inside the mutex, 0 when none: `--kill holder`
        std::atomic<std::int32_t> depth; ///< items in the buffer now
        std::atomic<std::int32_t> maxDepth;
        std::uint32_t head; ///< next slot to take; only moved inside the mutex
        std::uint32_t tail; ///< next slot to fill; only moved inside the mutex
        Slot items[MaxCapacity];
    };

    /// Sets up the semaphores in @p ring for @p capacity slots (1 to MaxCapacity). Returns an errno value, 0 on
    /// success; on failure none is left initialised.
    static int initialize(Ring* ring, int capacity);
    /// Destroys the semaphores initialize() made; no process may use the ring any more.
    static void destroy(Ring* ring);

    /// A process's handle on @p ring; its blocked waits go to @p clock.
    BoundedBuffer(Ring& ring, StateClock& clock);

    /// Waits for a free slot, then puts @p slot there, stamped with this process's pid and the time.
    void put(Slot slot);
    /// Waits for a filled slot, then takes the oldest item.
    Slot get();

private:
    void enter();
    void leave();

    Ring& m_ring;
    StateClock& m_clock;
    const std::int32_t m_pid;
};

} // namespace ProcViz
