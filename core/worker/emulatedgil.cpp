// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulatedgil.h"

#include "telemetry/telemetryrecord.h"

namespace ProcViz {

void EmulatedGil::takeLocked(std::unique_lock<std::mutex>& lock)
{
    ++m_waiting;
    m_changed.wait(lock, [this] { return !m_held; });
    --m_waiting;
    m_held = true;
    ++m_switches;
    m_acquiredAtNs = monotonicNowNs();
    m_changed.notify_all(); // a thread that just dropped the lock waits to see it taken
}

void EmulatedGil::acquire()
{
    std::unique_lock lock(m_mutex);
    takeLocked(lock);
}

bool EmulatedGil::switchDue() const
{
    return m_waiting.load(std::memory_order_relaxed) > 0 && monotonicNowNs() - m_acquiredAtNs >= SwitchIntervalNs;
}

void EmulatedGil::handOver()
{
    std::unique_lock lock(m_mutex);
    m_held = false;
    const auto switchesBefore = m_switches;
    m_changed.notify_all();
    // Forced switching: do not race the waiter for the lock we just dropped.
    m_changed.wait(lock, [&] { return m_switches != switchesBefore; });
    takeLocked(lock);
}

void EmulatedGil::release()
{
    std::lock_guard lock(m_mutex);
    m_held = false;
    m_changed.notify_all();
}

} // namespace ProcViz
