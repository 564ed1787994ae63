// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>

namespace ProcViz {

/// An EMULATION of CPython's global interpreter lock, for the timing lesson's `gil` mode.
///
/// Threads must hold it to compute. Waiters queue up and get it in turn. The holder keeps it for at least
/// SwitchIntervalNs (CPython's default switch interval, sys.getswitchinterval() = 5 ms) and then, when a
/// thread waits, hands it over directly to the first in line and queues up behind the others — CPython's
/// "forced switching": the old holder cannot take it straight back.
///
/// Only the first in line (the heir) watches the clock, as the waiter does in CPython: it sleeps until the
/// holder's interval is due, wakes on its own CPU while the holder still computes, says it is ready and
/// spins briefly (bounded, yielding the CPU) until the holder hands over at its next check. So the cost of
/// waking a sleeping thread — large on a virtual machine whose idle vCPUs halt — is paid while the holder
/// works, not while both wait. If the holder takes too long to notice, the heir stops spinning and sleeps
/// until it is woken (the plain, slower handover).
///
/// The effect the lesson needs is real (only one thread computes at a time, so N threads take as long as
/// one doing all the work, at about one CPU in total); the mechanism is ours, not the interpreter's.
class EmulatedGil
{
public:
    static constexpr std::int64_t SwitchIntervalNs = 5'000'000;
    /// How long a ready heir spins before it sleeps: many times the holder's check period, a few per cent
    /// of the switch interval at most.
    static constexpr std::int64_t HeirSpinLimitNs = 200'000;

    /// Blocks until the calling thread holds the lock (at once if it is free, else in turn).
    void acquire();
    /// For the holder, between two pieces of work: its interval is up and the next thread is ready.
    bool switchDue() const;
    /// For the holder: hands the lock to the next thread in line, then waits for its own turn.
    void handOver();
    /// For the holder: gives the lock to the next thread in line, or leaves it free.
    void release();

    /// How often a thread took the lock (its first acquire included); read it once the threads are done.
    std::uint64_t switchCount() const { return m_switches; }

private:
    struct Waiter
    {
        std::condition_variable wakeUp;
        std::atomic<bool> granted {false};
    };

    void grantToNextLocked();
    void waitForTurn(std::unique_lock<std::mutex>& lock, Waiter& me);
    bool spinUntilGranted(const Waiter& me) const;
    void tookOver();

    std::mutex m_mutex;
    bool m_held = false; ///< guarded by m_mutex
    std::deque<Waiter*> m_line; ///< threads waiting for their turn, the heir first; guarded by m_mutex
    std::uint64_t m_switches = 0; ///< guarded by m_mutex
    /// The heir has seen the holder's interval end and is awake; reset at each change of hands.
    std::atomic<bool> m_heirReady {false};
    /// When the current holder's interval ends (CLOCK_MONOTONIC ns).
    std::atomic<std::int64_t> m_dueNs {0};
};

} // namespace ProcViz
