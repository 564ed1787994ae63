// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharedmutex.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace ProcViz {

int SharedMutex::initialize(pthread_mutex_t* storage, bool robust)
{
    pthread_mutexattr_t attributes;
    pthread_mutexattr_init(&attributes);
    int result = pthread_mutexattr_setpshared(&attributes, PTHREAD_PROCESS_SHARED);
    if (result == 0 && robust)
        result = pthread_mutexattr_setrobust(&attributes, PTHREAD_MUTEX_ROBUST);
    if (result == 0)
        result = pthread_mutex_init(storage, &attributes);
    pthread_mutexattr_destroy(&attributes);
    return result;
}

SharedMutex::Locked SharedMutex::lock(const std::function<void()>& blocked, const std::function<void()>& stillWaiting)
{
    // The common case costs no clock read: on this kind of machine one clock_gettime takes as long as an
    // uncontended lock and unlock together.
    int result = pthread_mutex_trylock(m_mutex);
    if (result != EBUSY)
        return afterAcquire(result);
    if (blocked)
        blocked();
    timespec deadline {};
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    long slice = LongWaitNs;
    do {
        deadline.tv_nsec += slice;
        while (deadline.tv_nsec >= 1'000'000'000) {
            deadline.tv_sec += 1;
            deadline.tv_nsec -= 1'000'000'000;
        }
        result = pthread_mutex_clocklock(m_mutex, CLOCK_MONOTONIC, &deadline);
        if (result == ETIMEDOUT && stillWaiting)
            stillWaiting();
        slice = WaitSliceNs;
    } while (result == ETIMEDOUT);
    return afterAcquire(result);
}

SharedMutex::Locked SharedMutex::afterAcquire(int result)
{
    if (result == 0)
        return Locked::Normally;
    if (result == EOWNERDEAD) {
        // The state it guards is ours to judge; for a counter, at most the one dying increment is in doubt.
        pthread_mutex_consistent(m_mutex);
        return Locked::FromDeadOwner;
    }
    std::fprintf(stderr, "procviz-worker: locking the shared mutex failed: %s\n", std::strerror(result));
    std::exit(EXIT_FAILURE);
}

void SharedMutex::unlock()
{
    pthread_mutex_unlock(m_mutex);
}

} // namespace ProcViz
