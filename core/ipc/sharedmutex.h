// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <pthread.h>

namespace ProcViz {

/// A pthread mutex that lives in shared memory and works across processes (PTHREAD_PROCESS_SHARED),
/// optionally robust (PTHREAD_MUTEX_ROBUST): when its holder dies, the next locker is told so and recovers it.
class SharedMutex
{
public:
    enum class Locked
    {
        Normally,
        FromDeadOwner, ///< EOWNERDEAD: the previous holder died holding it; now consistent again and ours
    };

    /// A wait is "long" after this: the caller hears of it then, and every WaitSliceNs after.
    static constexpr long LongWaitNs = 1'000'000;
    static constexpr long WaitSliceNs = 100'000'000;

    /// Sets up the mutex in @p storage (shared memory, zero-filled). Returns an errno value, 0 on success.
    static int initialize(pthread_mutex_t* storage, bool robust);

    explicit SharedMutex(pthread_mutex_t* storage)
        : m_mutex(storage)
    { }

    /// Takes the mutex. When it is taken by someone else, @p blocked is called once before the wait, and
    /// @p stillWaiting after LongWaitNs and then every WaitSliceNs (so a worker can say it is blocked, even
    /// when it will never get the lock). A free mutex costs no clock read and no call. Errors other than
    /// EOWNERDEAD abort the worker: a mutex that cannot be locked leaves no lesson to show.
    Locked lock(const std::function<void()>& blocked = {}, const std::function<void()>& stillWaiting = {});
    void unlock();

private:
    Locked afterAcquire(int result);

    pthread_mutex_t* m_mutex;
};

} // namespace ProcViz
