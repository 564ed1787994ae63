// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace ProcViz {

/// An EMULATION of CPython's global interpreter lock, for the timing lesson's `gil` mode.
///
/// Threads must hold it to compute. The holder hands it over after SwitchIntervalNs (CPython's default
/// switch interval, sys.getswitchinterval() = 5 ms) when another thread is waiting, and then waits until
/// another thread has really taken it before asking again — CPython's "forced switching". The effect the
/// lesson needs is real (only one thread computes at a time, so N threads take as long as one doing all
/// the work); the mechanism is ours, not the interpreter's.
class EmulatedGil
{
public:
    static constexpr std::int64_t SwitchIntervalNs = 5'000'000;

    /// Blocks until the calling thread holds the lock.
    void acquire();
    /// For the holder, between two pieces of work: its interval is up and another thread waits.
    bool switchDue() const;
    /// For the holder: lets a waiting thread take the lock, then waits to hold it again.
    void handOver();
    void release();

    std::uint64_t switchCount() const { return m_switches; }

private:
    void takeLocked(std::unique_lock<std::mutex>& lock);

    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_held = false;
    std::atomic<int> m_waiting {0};
    std::uint64_t m_switches = 0; ///< how often the lock changed hands; guarded by m_mutex
    std::int64_t m_acquiredAtNs = 0; ///< written by each new holder, read only by the holder
};

} // namespace ProcViz
