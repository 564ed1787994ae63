// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulatedgil.h"

#include "telemetry/telemetryrecord.h"

#include <chrono>
#include <sched.h>

namespace ProcViz {

namespace {
// Between two clock reads and sched_yield() calls: about a microsecond of pause instructions.
constexpr int PausesBetweenYields = 64;

void cpuRelax()
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
}

std::chrono::steady_clock::time_point steadyTimeOf(std::int64_t monotonicNs)
{
    // libstdc++'s steady_clock is CLOCK_MONOTONIC, the clock of monotonicNowNs().
    return std::chrono::steady_clock::time_point(std::chrono::nanoseconds(monotonicNs));
}
} // namespace

void EmulatedGil::acquire()
{
    std::unique_lock lock(m_mutex);
    if (!m_held) {
        m_held = true;
        ++m_switches;
        tookOver();
        return;
    }
    Waiter me;
    m_line.push_back(&me);
    waitForTurn(lock, me);
}

bool EmulatedGil::switchDue() const
{
    return m_heirReady.load(std::memory_order_relaxed) && monotonicNowNs() >= m_dueNs.load(std::memory_order_relaxed);
}

void EmulatedGil::handOver()
{
    std::unique_lock lock(m_mutex);
    if (m_line.empty())
        return; // nobody to hand it to: keep computing
    grantToNextLocked();
    // Forced switching: the old holder queues up behind everyone else instead of racing for the lock.
    Waiter me;
    m_line.push_back(&me);
    waitForTurn(lock, me);
}

void EmulatedGil::release()
{
    std::lock_guard lock(m_mutex);
    if (m_line.empty())
        m_held = false;
    else
        grantToNextLocked();
}

void EmulatedGil::grantToNextLocked()
{
    Waiter* heir = m_line.front();
    m_line.pop_front();
    m_heirReady.store(false, std::memory_order_relaxed);
    ++m_switches;
    // The heir sets the real start of its interval when it runs; until then the next in line must not
    // mistake the old holder's expired interval for the new one's.
    m_dueNs.store(monotonicNowNs() + SwitchIntervalNs, std::memory_order_relaxed);
    heir->wakeUp.notify_one(); // in case it gave up spinning and sleeps (no system call if it spins)
    // Once the heir sees this it may return, and its Waiter is gone; the others stay until we unlock.
    heir->granted.store(true, std::memory_order_release);
    // After the grant: waking the new first in line, which then starts watching the clock, is a system call
    // the new holder need not wait for.
    if (!m_line.empty())
        m_line.front()->wakeUp.notify_one();
}

void EmulatedGil::waitForTurn(std::unique_lock<std::mutex>& lock, Waiter& me)
{
    while (!me.granted.load(std::memory_order_acquire)) {
        if (m_line.front() != &me) {
            me.wakeUp.wait(lock); // until it is first in line or granted
            continue;
        }
        const auto dueNs = m_dueNs.load(std::memory_order_relaxed);
        if (monotonicNowNs() < dueNs) {
            // A timed sleep, so that it wakes on its own while the holder still computes.
            me.wakeUp.wait_until(lock, steadyTimeOf(dueNs));
            continue;
        }
        m_heirReady.store(true, std::memory_order_relaxed);
        lock.unlock();
        if (spinUntilGranted(me))
            break;
        // The holder did not check in time (descheduled, or a busy machine): sleep until it hands over.
        lock.lock();
        me.wakeUp.wait(lock, [&] { return me.granted.load(std::memory_order_acquire); });
    }
    tookOver();
}

bool EmulatedGil::spinUntilGranted(const Waiter& me) const
{
    const auto giveUpAtNs = monotonicNowNs() + HeirSpinLimitNs;
    do {
        for (int i = 0; i < PausesBetweenYields; ++i) {
            if (me.granted.load(std::memory_order_acquire))
                return true;
            cpuRelax();
        }
        // Lets a holder on the same CPU (taskset -c 0, or a crowded machine) run on to its next check.
        sched_yield();
    } while (monotonicNowNs() < giveUpAtNs);
    return me.granted.load(std::memory_order_acquire);
}

void EmulatedGil::tookOver()
{
    m_dueNs.store(monotonicNowNs() + SwitchIntervalNs, std::memory_order_relaxed);
}

} // namespace ProcViz
