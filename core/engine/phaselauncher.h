// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario/scenario.h"
#include "workerprocess.h"

#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

namespace ProcViz {

class Spawner;

/// Brings one phase's workers into being through the run's Spawner without ever blocking the thread it
/// lives in: up to Spawner::MaxInFlight requests wait in the spawner's socket, and each answer is taken
/// when that socket turns readable. Starting 64 workers takes tens of milliseconds; done in one go on the
/// window's thread, that was a frozen window right after the Run click.
class PhaseLauncher : public QObject
{
    Q_OBJECT
public:
    using DescriptorsFor = std::function<QList<std::pair<int, int>>(const WorkerSpec&)>;
    /// Called for each worker as soon as it exists, in the order of @p workers.
    using Launched = std::function<void(const WorkerSpec&, std::unique_ptr<WorkerProcess>)>;

    /// @p common is every worker's Launch but for its role, index and descriptors, which come from
    /// @p workers and @p descriptorsFor. @p spawner must outlive this object.
    PhaseLauncher(Spawner& spawner, const WorkerProcess::Launch& common, const QList<WorkerSpec>& workers,
        DescriptorsFor descriptorsFor, Launched launched, QObject* parent = nullptr);
    /// A worker whose answer is still due exists or is about to: it is waited for, killed and reaped here.
    ~PhaseLauncher() override;

    /// Sends the first requests; false with @p error set when not even the first could be sent (then
    /// nothing exists and finished() will not come).
    bool start(QString* error);
    /// Sends no further requests (the run is being stopped); the answers already due still arrive.
    void stopRequesting();

Q_SIGNALS:
    /// Every request sent has been answered and none is left to send; @p error is empty when every
    /// worker of the phase exists. Emitted from inside this object's own handlers: connect it queued
    /// to destroy this object in the slot.
    void finished(const QString& error);

private:
    struct Pending
    {
        WorkerProcess::Requested requested;
        WorkerSpec spec;
    };
    void sendMore();
    void takeAnswer();
    void fail(const QString& error); ///< keeps the first error; no further requests
    void finishIfAllAnswered();

    Spawner& m_spawner;
    WorkerProcess::Launch m_common;
    QList<WorkerSpec> m_workers;
    DescriptorsFor m_descriptorsFor;
    Launched m_launched;
    qsizetype m_next = 0; ///< the first worker not yet requested
    std::deque<Pending> m_awaiting; ///< requests sent, oldest first
    bool m_stopRequesting = false;
    bool m_done = false;
    QString m_error;
    QSocketNotifier m_answers;
    QTimer m_answerTimeout; ///< a spawner that stops answering must not leave the run hanging
};

} // namespace ProcViz
