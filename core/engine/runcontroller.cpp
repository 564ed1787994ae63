// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcontroller.h"

#include "ipc/sharedmemory.h"
#include "observedprocess.h"
#include "observerchannel.h"
#include "phaselauncher.h"
#include "procstat.h"
#include "python/pythonrun.h"
#include "scenario/scenarioregistry.h"
#include "spawner.h"
#include "workerprocess.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <csignal>

Q_LOGGING_CATEGORY(lcEngine, "procviz.engine", QtWarningMsg)

namespace ProcViz {

RunController::RunController(QObject* parent)
    : QObject(parent)
{
    m_workerProgram = qEnvironmentVariable("PROCVIZ_WORKER");
    if (m_workerProgram.isEmpty() && QCoreApplication::instance())
        m_workerProgram = QCoreApplication::applicationDirPath() + QLatin1String("/procviz-worker");
    // Once per process: a ProcViz killed mid-run (SIGKILL leaves no chance to clean up) left its segments.
    static const bool staleRemoved = [] {
        if (const auto removed = SharedMemory::removeStale(); !removed.isEmpty())
            qCInfo(lcEngine) << "removed shared memory left by earlier runs:" << removed;
        return true;
    }();
    Q_UNUSED(staleRemoved);
    // Once per process: a finished() caught in a QVariant (QSignalSpy, queued connections) reads as its id.
    static const bool converterRegistered = QMetaType::registerConverter<Outcome, QString>(&outcomeId);
    Q_UNUSED(converterRegistered);
    m_sampleTimer.setInterval(SampleIntervalMs);
    connect(&m_sampleTimer, &QTimer::timeout, this, &RunController::sample);
    m_stopTimer.setSingleShot(true);
    connect(&m_stopTimer, &QTimer::timeout, this, [this] { signalWorkers(SIGKILL); });
}

RunController::~RunController()
{
    killAllNow();
}

void RunController::setWorkerProgram(const QString& path)
{
    m_workerProgram = path;
}

QString RunController::workerProgram() const
{
    return m_workerProgram;
}

std::optional<RunPlan> RunController::prepare(
    const QString& scenarioId, const QVariantMap& params, const RunOptions& options, QString* error)
{
    const auto* scenario = ScenarioRegistry::instance().find(scenarioId);
    if (!scenario) {
        *error = tr("Unknown scenario '%1': known scenarios are %2.")
                     .arg(scenarioId, ScenarioRegistry::instance().ids().join(QLatin1String(", ")));
        return std::nullopt;
    }
    const auto table = scenario->parameters().resolve(params);
    *error = table.isValid() ? scenario->validate(table.values) : table.error;
    if (error->isEmpty() && options.runtime == RunOptions::Runtime::Python) {
        QVariantMap given; // as checked by the table, but only what was given: the rest is the program's
        for (auto it = params.cbegin(); it != params.cend(); ++it)
            given.insert(it.key(), table.values.value(it.key()));
        *error = scenario->validateProgram(given);
    }
    if (!error->isEmpty())
        return std::nullopt;
    RunPlan plan {scenario, table.values, scenario->plan(table.values)};
    // Guard the registry's contract: a phase without workers would never end, and `--kill N` names one worker.
    qsizetype largestPhase = 0;
    for (const auto& phase : plan.phases) {
        QSet<int> indexes;
        for (const auto& worker : phase.workers)
            indexes.insert(worker.index);
        if (phase.workers.isEmpty() || indexes.size() != phase.workers.size()) {
            *error = tr("Scenario '%1' planned a phase without workers or with two workers of one index.")
                         .arg(scenarioId);
            return std::nullopt;
        }
        largestPhase = std::max(largestPhase, phase.workers.size());
    }
    if (plan.phases.isEmpty()) {
        *error = tr("Scenario '%1' planned a phase without workers or with two workers of one index.").arg(scenarioId);
        return std::nullopt;
    }
    *error = options.check(largestPhase);
    return error->isEmpty() ? std::optional(plan) : std::nullopt;
}

QString RunController::check(
    const QString& scenarioId, const QVariantMap& params, QVariantMap* resolved, const RunOptions& options)
{
    QString error;
    const auto plan = prepare(scenarioId, params, options, &error);
    if (plan && resolved)
        *resolved = plan->params;
    return error;
}

bool RunController::start(const QString& scenarioId, const QVariantMap& params, const RunOptions& options)
{
    Q_ASSERT(QThread::currentThread() == thread());
    auto refuse = [this](const QString& message) {
        Q_EMIT failed(message);
        return false;
    };
    if (isRunning())
        return refuse(tr("A run is already in progress; stop it first."));
    QString error;
    const auto prepared = prepare(scenarioId, params, options, &error); // checked and planned once, here
    if (!prepared)
        return refuse(error);
    if (!QFileInfo(m_workerProgram).isExecutable())
        return refuse(tr("The worker program '%1' was not found or is not executable.").arg(m_workerProgram));
    const auto* scenario = prepared->scenario;
    const auto& resolved = prepared->params;
    auto plan = prepared->phases;
    std::optional<PythonInterpreter> python;
    if (options.runtime == RunOptions::Runtime::Python) {
        python = PythonInterpreter::find(options.python, &error);
        if (!python)
            return refuse(error);
    }
    // First, so that it loads its libraries while the run is set up.
    auto spawner = Spawner::start(m_workerProgram, &error);
    if (!spawner)
        return refuse(tr("Could not start the worker spawner: %1").arg(error));
    std::unique_ptr<RunResources> resources;
    std::unique_ptr<ObserverChannel> observer;
    if (python) {
        // One worker, the interpreter running the lesson's program; every other process is the program's own.
        observer = ObserverChannel::open(&error);
        QVariantMap given;
        for (auto it = params.cbegin(); it != params.cend(); ++it)
            given.insert(it.key(), resolved.value(it.key()));
        auto run = observer ? PythonRun::create(*scenario, given, *python, observer->address(), &error) : nullptr;
        if (run) {
            connect(&run->output(), &ProgramOutput::lineRead, this,
                [this](ProgramOutput::Stream stream, const QString& line) {
                    Q_EMIT outputLine(stream == ProgramOutput::Stream::Err, line);
                });
        }
        resources = std::move(run);
        plan = {Phase::ofRole(QStringLiteral("python"), QStringLiteral("MainProcess"), 1)};
    } else {
        resources = scenario->setUp(resolved, &error);
    }
    if (!resources)
        return refuse(tr("Could not prepare the run: %1").arg(error));

    m_processes.clear();
    m_workerByPid.clear();
    m_earlyExits.clear();
    m_observedCount = 0;
    m_observedWorkers = 0;
    m_observer = std::move(observer);
    if (m_observer)
        connect(m_observer.get(), &ObserverChannel::recordsArrived, this, &RunController::onObserved);
    m_scenario = scenario;
    m_params = resolved;
    m_plan = plan;
    m_resources = std::move(resources);
    m_spawner = std::move(spawner);
    m_state = State::Running;
    m_endingAs.reset();
    ++m_runNumber;
    const qint64 startNs = monotonicNowNs();
    if (python) {
        // What the program ran with: the given values over its own defaults, and only what it takes.
        auto programParams = scenario->programDefaults();
        programParams.insert(params);
        programParams = scenario->parameters().resolve(programParams).values;
        for (const auto& name : programParams.keys()) {
            if (!scenario->programParameters().contains(name))
                programParams.remove(name);
        }
        m_model.begin(scenarioId, programParams, startNs);
        m_model.setRuntime(RunOptions::runtimeId(RunOptions::Runtime::Python));
    } else {
        m_model.begin(scenarioId, resolved, startNs);
    }
    m_watchdog.arm(options.watchdogSeconds, startNs);
    m_faultTimers = std::make_unique<QObject>(); // parent of this run's timers: deleting it cancels them
    m_cpuLimitSeconds = options.cpuLimitSeconds;
    m_workerNice = options.workerNice;
    QTimer::singleShot(options.timeLimitSeconds * 1000, m_faultTimers.get(), [this, options] {
        m_model.setCause(
            tr("The run passed its time limit of %n second(s) and was stopped.", nullptr, options.timeLimitSeconds));
        m_endingAs = Outcome::Limit;
        stop();
    });
    for (const auto& fault : options.faults)
        QTimer::singleShot(int(fault.atSeconds * 1000), m_faultTimers.get(), [this, fault] { applyFault(fault); });
    Q_EMIT started(scenarioId);
    sampleRunValues(startNs);
    m_sampleTimer.start(FirstSampleIntervalMs);
    return startPhase(0);
}

bool RunController::startPhase(int phase)
{
    m_currentPhase = phase;
    const auto& plan = m_plan.at(phase);
    const int phaseIndex = m_model.addPhase(plan.name, monotonicNowNs());
    Q_EMIT phaseStarted(phaseIndex, plan.name);

    WorkerProcess::Launch launch;
    launch.program = m_workerProgram;
    launch.scenario = m_scenario->id();
    launch.paramsJson = QJsonDocument(QJsonObject::fromVariantMap(m_params)).toJson(QJsonDocument::Compact);
    launch.environment = m_resources->workerEnvironment();
    launch.environment.insert(QStringLiteral("PROCVIZ_CPU_LIMIT_S"), QString::number(m_cpuLimitSeconds));
    launch.nice = m_workerNice;
    launch.exec = m_resources->program();
    m_launcher = std::make_unique<PhaseLauncher>(
        *m_spawner, launch, plan.workers,
        [this](const WorkerSpec& spec) { return m_resources->workerDescriptors(spec); },
        [this, phaseIndex](const WorkerSpec& spec, std::unique_ptr<WorkerProcess> process) {
            adoptWorker(phaseIndex, spec, std::move(process));
        });
    m_phaseLaunched = false;
    // Queued: the slot may end the run and destroy the launcher, which must not happen inside its emit. A
    // late call for a launcher that has gone since (run stopped, next run started) is recognised by its run
    // and phase and ignored.
    connect(
        m_launcher.get(), &PhaseLauncher::finished, this,
        [this, run = m_runNumber, phase](const QString& error) {
            if (isRunning() && run == m_runNumber && phase == m_currentPhase)
                onPhaseLaunched(error);
        },
        Qt::QueuedConnection);
    QString error;
    if (!m_launcher->start(&error)) {
        failRun(error);
        return false;
    }
    return true;
}

void RunController::adoptWorker(int phaseIndex, const WorkerSpec& spec, std::unique_ptr<WorkerProcess> process)
{
    const int id = m_model.addWorker(phaseIndex, spec.role, spec.index, process->pid(), monotonicNowNs());
    track(id, std::move(process));
}

void RunController::track(int id, std::unique_ptr<TrackedProcess> process)
{
    Q_ASSERT(size_t(id) == m_processes.size());
    const qint64 pid = process->pid();
    connect(process.get(), &TrackedProcess::recordsArrived, this, [this, id] { onTelemetry(id); });
    connect(process.get(), &TrackedProcess::died, this, [this, id] { onDied(id); });
    connect(process.get(), &TrackedProcess::exited, this, [this, id] { onExited(id); });
    process->setJoinDelayMs(ending() ? 0 : m_scenario->joinDelayMs(m_params));
    // Born after the user paused or stopped, or after the watchdog gave up: it joins the others' state.
    if (m_endingAs == Outcome::Deadlock || (m_state == State::Stopping && !m_stopTimer.isActive()))
        process->sendSignal(SIGKILL);
    else if (m_state == State::Stopping)
        process->sendSignal(SIGTERM);
    else if (m_state == State::Paused)
        process->sendSignal(SIGSTOP);
    m_processes.push_back(std::move(process));
    m_workerByPid.insert(pid, id);
    // The first reading at once, so rates are measured from here; a real one: the worker may have run a while
    // before its answer reached this loop, and a zero here would show that time as a spike.
    if (const auto stat = ProcStat::read(pid))
        m_model.addSample(id, monotonicNowNs(), stat->state, stat->cpuSeconds);
    Q_EMIT workerStarted(id, pid);
}

void RunController::onPhaseLaunched(const QString& error)
{
    if (!error.isEmpty()) {
        failRun(error);
        return;
    }
    m_resources->workersSpawned();
    m_phaseLaunched = true;
    if (m_currentPhase + 1 == m_plan.size()) {
        // Nothing more to spawn: no process of this run outlives its workers.
        m_launcher.reset();
        m_spawner->dismiss();
    }
    endPhaseIfOver(); // its workers may all have ended while the last ones were still being created
}

void RunController::failRun(const QString& error)
{
    qCWarning(lcEngine) << error;
    killAllNow();
    m_model.endPhase(m_currentPhase, monotonicNowNs());
    Q_EMIT failed(error);
    finishRun(Outcome::Failed);
}

TrackedProcess* RunController::process(int workerId) const
{
    return workerId >= 0 && size_t(workerId) < m_processes.size() ? m_processes[size_t(workerId)].get() : nullptr;
}

void RunController::onTelemetry(int workerId)
{
    auto* worker = process(workerId);
    bool progressed = false;
    for (const auto& record : worker->takeRecords()) {
        m_model.applyRecord(workerId, record);
        progressed = progressed || record.recordKind() == RecordKind::Progress;
    }
    if (progressed)
        m_watchdog.reset(monotonicNowNs());
    if (const auto malformed = worker->takeMalformedCount())
        m_model.addMalformed(workerId, malformed);
}

void RunController::onDied(int workerId)
{
    onTelemetry(workerId);
    auto* worker = process(workerId);
    // A zombie keeps its CPU times in /proc: the last sample is its whole life, however short.
    if (const auto stat = ProcStat::read(worker->pid()))
        m_model.addSample(workerId, worker->diedAtNs(), stat->state, stat->cpuSeconds);
    m_model.setDied(workerId, worker->diedAtNs());
}

void RunController::onExited(int workerId)
{
    auto* worker = process(workerId);
    onTelemetry(workerId);
    // wait4() counts the children a process reaped into its own time: the Python program's main process
    // would carry all of its workers' CPU. Its own, as /proc last showed it, is the honest figure.
    const double cpu = m_observer ? m_model.workers().at(workerId).cpuSeconds : worker->cpuSeconds();
    m_model.setExited(workerId, worker->exitedAtNs(), worker->exitCode(), worker->termSignal(), cpu);
    Q_EMIT workerExited(workerId);
    endPhaseIfOver();
}

void RunController::endPhaseIfOver()
{
    if (!isRunning() || !m_phaseLaunched)
        return;
    const auto& phase = m_model.phases().at(m_currentPhase);
    // A phase stopped before any of its workers existed ends now.
    qint64 lastExit = phase.workerIds.isEmpty() ? monotonicNowNs() : 0;
    for (int id : phase.workerIds) {
        if (process(id)->isAlive())
            return;
        lastExit = std::max(lastExit, process(id)->exitedAtNs());
    }
    m_model.endPhase(m_currentPhase, lastExit);
    if (m_endingAs)
        finishRun(*m_endingAs);
    else if (cpuLimitHit())
        finishRun(Outcome::Limit);
    else if (m_state == State::Stopping)
        finishRun(Outcome::Stopped);
    else if (m_currentPhase + 1 >= m_plan.size())
        finishRun(Outcome::Completed);
    else
        startPhase(m_currentPhase + 1);
}

void RunController::sample()
{
    const qint64 now = monotonicNowNs();
    for (const auto& worker : m_processes) {
        if (!worker->isAlive())
            continue;
        // The process may end between the check and the read: then there is simply no sample.
        const int id = int(&worker - m_processes.data());
        if (const auto stat = ProcStat::read(worker->pid()))
            m_model.addSample(id, now, stat->state, stat->cpuSeconds);
        // Threads get their own readings, so a chart can show the emulated GIL holding a process to one core.
        QList<std::pair<int, qint64>> threads;
        for (const auto& lane : m_model.workers().at(id).lanes) {
            if (lane.tid != worker->pid() && !lane.finished)
                threads.append({lane.lane, lane.tid});
        }
        for (const auto& [lane, tid] : threads) {
            if (const auto stat = ProcStat::read(worker->pid(), tid))
                m_model.addLaneSample(id, lane, now, stat->state, stat->cpuSeconds);
        }
    }
    sampleRunValues(now);
    if (now - m_model.startNs() > FirstSamplingNs && m_sampleTimer.interval() != SampleIntervalMs)
        m_sampleTimer.setInterval(SampleIntervalMs);
    const bool anyRunning = std::any_of(
        m_processes.cbegin(), m_processes.cend(), [](const auto& worker) { return !worker->hasDied(); });
    if (isPaused() || !anyRunning)
        m_watchdog.reset(now); // a pause the user asked for is no deadlock, nor a parent yet to join its zombies
    else if (m_watchdog.expired(now) && !ending())
        declareDeadlock();
}

void RunController::sampleRunValues(qint64 monotonicNs)
{
    for (const auto& [name, value] : m_resources->sample())
        m_model.addRunSample(name, monotonicNs, value);
}

bool RunController::cpuLimitHit()
{
    for (const auto& worker : m_model.workers()) {
        if (worker.signal == SIGXCPU) {
            m_model.setCause(tr(
                "worker %1 · pid %2 used up its CPU-time limit of %n second(s) (SIGXCPU).", nullptr, m_cpuLimitSeconds)
                                 .arg(worker.index)
                                 .arg(worker.pid));
            return true;
        }
    }
    return false;
}

void RunController::declareDeadlock()
{
    auto cause = m_resources->explainStall(m_model);
    if (cause.isEmpty())
        cause = tr("No worker made progress for %n second(s).", nullptr, m_watchdog.seconds());
    qCInfo(lcEngine) << "deadlock:" << cause;
    m_model.setCause(cause);
    m_endingAs = Outcome::Deadlock;
    if (m_launcher)
        m_launcher->stopRequesting();
    // Blocked workers would wait forever: the engine ends them and reaps them like any other.
    signalWorkers(SIGKILL);
    joinAllNow();
}

QList<qint64> RunController::holdersWhileStopped()
{
    // A holder can leave its section at any instant; with the whole group stopped the answer stays true
    // until the fault has been delivered. kill() only queues SIGSTOP, so wait until /proc shows each 'T'.
    signalWorkers(SIGSTOP);
    for (int attempt = 0; attempt < 200; ++attempt) {
        const bool allStopped = std::all_of(m_processes.cbegin(), m_processes.cend(), [](const auto& worker) {
            const auto stat = worker->isAlive() ? ProcStat::read(worker->pid()) : std::nullopt;
            return !stat || stat->state == 'T' || stat->state == 'Z';
        });
        if (allStopped)
            break;
        QThread::usleep(500);
    }
    return m_resources->holders();
}

void RunController::applyFault(const FaultAction& fault, int attempt)
{
    if (!isRunning() || ending())
        return;
    const qint64 now = monotonicNowNs();
    QList<int> targets;
    if (fault.targetsHolder()) {
        const auto holders = holdersWhileStopped();
        for (const auto& worker : m_model.workers()) {
            if (!worker.hasExited() && holders.contains(worker.pid))
                targets.append(worker.id);
        }
        targets = targets.mid(0, 1); // "the holder": with several permit holders, the first one
        // Caught between taking the lock and saying so (or leaving and saying so): look again shortly.
        if (targets.isEmpty() && attempt < HolderAttempts) {
            if (!isPaused())
                signalWorkers(SIGCONT);
            QTimer::singleShot(
                HolderRetryMs, m_faultTimers.get(), [this, fault, attempt] { applyFault(fault, attempt + 1); });
            return;
        }
    } else {
        bool exists = false;
        for (int id : m_model.phases().at(m_currentPhase).workerIds) {
            if (m_model.workers().at(id).index != fault.workerIndex)
                continue;
            exists = true;
            if (!process(id)->hasDied())
                targets.append(id);
        }
        // Due before that worker exists (its phase is still being started on a busy machine): once it does.
        if (!exists && !m_phaseLaunched) {
            QTimer::singleShot(HolderRetryMs, m_faultTimers.get(), [this, fault, attempt] { applyFault(fault, attempt); });
            return;
        }
    }
    for (int id : targets) {
        process(id)->sendSignal(fault.signal());
        if (fault.kind == FaultAction::Kind::Kill)
            m_model.markKilledByUser(id);
        const auto& worker = m_model.workers().at(id);
        m_model.addEvent(now, id,
            tr("--%1: %2 sent to %3 %4 · pid %5%6")
                .arg(fault.optionName(), fault.signalName(), worker.role)
                .arg(worker.index)
                .arg(worker.pid)
                .arg(fault.targetsHolder() ? tr(" (the holder)") : QString()));
    }
    if (targets.isEmpty()) {
        m_model.addEvent(now, -1,
            fault.targetsHolder()
                ? tr("--%1 holder: nobody held the lock or a permit; nothing sent").arg(fault.optionName())
                : tr("--%1 %2: that worker had already ended; nothing sent")
                      .arg(fault.optionName())
                      .arg(fault.workerIndex));
    }
    if (fault.targetsHolder() && !isPaused())
        signalWorkers(SIGCONT);
}

void RunController::finishRun(Outcome outcome)
{
    m_faultTimers.reset();
    m_launcher.reset();
    m_spawner.reset(); // still talking to it if the run ended before its last phase; else long gone
    m_sampleTimer.stop();
    m_stopTimer.stop();
    qint64 end = monotonicNowNs();
    if (!m_processes.empty()) {
        end = 0;
        for (const auto& worker : m_processes)
            end = std::max(end, worker->isAlive() ? monotonicNowNs() : worker->exitedAtNs());
    }
    sampleRunValues(end); // the values as the run leaves them, so every line reaches the end
    auto* python = dynamic_cast<PythonRun*>(m_resources.get());
    if (python) {
        onObserved(); // the last reports, then the last lines
        python->output().drain();
        if (outcome == Outcome::Completed && m_model.workers().value(0).exitCode != 0) {
            outcome = Outcome::Failed;
            blameProgram();
            Q_EMIT failed(m_model.cause());
        }
    }
    m_model.finish(end, outcome);
    const auto evaluation = python ? m_scenario->evaluateProgram(m_model, python->printedResult())
                                   : m_scenario->evaluate(m_model, *m_resources);
    m_model.setResult(evaluation.result, evaluation.checks);
    m_resources.reset(); // tears down the run's IPC objects
    m_observer.reset();
    m_state = State::Idle;
    Q_EMIT finished(outcome);
}

void RunController::onObserved()
{
    if (!m_observer)
        return;
    for (const auto& [pid, record] : m_observer->takeRecords()) {
        if (record.recordKind() == RecordKind::Exited) {
            reportExit(record.aux, int(record.value), record.value2);
            continue;
        }
        int id = m_workerByPid.value(pid, -1);
        if (id < 0)
            id = adoptObserved(pid, record);
        if (id < 0)
            continue;
        // A process that reports is alive: a program whose processes all wait in silence is the deadlock.
        m_watchdog.reset(monotonicNowNs());
        // What only the engine needs (who it is, where its GIL is read) and counts of unknown totals stay here.
        const auto kind = record.recordKind();
        if (kind == RecordKind::Process || kind == RecordKind::GilLayout
            || (kind == RecordKind::Progress && record.value2 <= 0))
            continue;
        process(id)->deliver(record);
    }
    const auto malformed = m_observer->takeMalformed();
    for (auto it = malformed.cbegin(); it != malformed.cend(); ++it) {
        if (const int id = m_workerByPid.value(it.key(), -1); id >= 0)
            m_model.addMalformed(id, it.value());
    }
}

int RunController::adoptObserved(qint64 pid, const TelemetryRecord& first)
{
    if (!isRunning() || m_currentPhase < 0)
        return -1;
    if (m_observedCount >= MaxProgramProcesses) {
        if (!m_endingAs) {
            m_model.setCause(tr("The program started more than %n process(es); the run was stopped.", nullptr,
                MaxProgramProcesses));
            m_endingAs = Outcome::Limit;
            stop();
        }
        ::kill(pid_t(pid), SIGKILL); // reported just now, so alive: too young to be anyone else's PID yet
        return -1;
    }
    QString error;
    auto observed = ObservedProcess::watch(pid, &error);
    if (!observed) {
        qCWarning(lcEngine) << error;
        return -1;
    }
    const bool announced = first.recordKind() == RecordKind::Process;
    const QString name = announced ? QString::fromUtf8(first.textBytes()) : QStringLiteral("pid %1").arg(pid);
    const qint64 began = announced && first.value > 0 ? first.value : monotonicNowNs();
    // Workers are numbered as a C++ run's are (`--kill 0@1` is the first); helpers go by their name alone.
    const bool helper = announced && first.state == std::uint8_t(ProcessRole::Helper);
    const int index = helper ? 0 : m_observedWorkers++;
    ++m_observedCount;
    const int id = m_model.addWorker(m_currentPhase, name, index, pid, began);
    track(id, std::move(observed));
    if (const auto early = m_earlyExits.take(pid); early.second > 0)
        reportExit(pid, early.first, early.second);
    return id;
}

void RunController::reportExit(qint64 pid, int status, qint64 whenNs)
{
    const int id = m_workerByPid.value(pid, -1);
    if (id < 0) {
        m_earlyExits.insert(pid, {status, whenNs});
        return;
    }
    // The engine's own child (the interpreter it started) is reaped by the engine, which knows better.
    if (auto* observed = qobject_cast<ObservedProcess*>(process(id)))
        observed->setExitStatus(status, whenNs);
}

void RunController::blameProgram()
{
    const auto* python = dynamic_cast<const PythonRun*>(m_resources.get());
    const auto& main = m_model.workers().value(0);
    QStringList tail = python ? python->output().lines(ProgramOutput::Stream::Err).mid(0) : QStringList();
    // The traceback's end says what went wrong; its last lines are the ones a student reads first.
    constexpr int TracebackLines = 20;
    if (tail.size() > TracebackLines)
        tail = tail.mid(tail.size() - TracebackLines);
    const QString how = main.signal ? tr("was killed by signal %1").arg(*main.signal)
                                    : tr("ended with exit code %1").arg(main.exitCode.value_or(-1));
    m_model.setCause(tail.isEmpty() ? tr("The Python program %1.").arg(how)
                                    : tr("The Python program %1:\n%2").arg(how, tail.join(QLatin1Char('\n'))));
}

void RunController::stop()
{
    if (!isRunning() || m_state == State::Stopping)
        return;
    m_state = State::Stopping;
    if (m_launcher)
        m_launcher->stopRequesting();
    signalWorkers(SIGTERM);
    signalWorkers(SIGCONT); // a paused worker acts on SIGTERM only once it runs again
    m_stopTimer.start(StopGraceMs);
    joinAllNow();
}

bool RunController::ending() const
{
    return m_state == State::Stopping || m_endingAs == Outcome::Deadlock;
}

void RunController::joinAllNow()
{
    // A run that ends waits for no join delay: whoever dies from now on is joined at once, and zombies waiting
    // for their join are joined now. From the event loop, as every other end of a run: the last join ends it.
    for (const auto& worker : m_processes)
        worker->setJoinDelayMs(0);
    QTimer::singleShot(0, m_faultTimers.get(), [this] {
        for (size_t id = 0; id < m_processes.size(); ++id)
            m_processes[id]->joinNow();
    });
}

void RunController::pause()
{
    if (m_state != State::Running)
        return;
    signalWorkers(SIGSTOP);
    m_state = State::Paused;
    Q_EMIT paused();
}

void RunController::resume()
{
    if (m_state != State::Paused)
        return;
    signalWorkers(SIGCONT);
    m_state = State::Running;
    Q_EMIT resumed();
}

bool RunController::sendInput(int workerId, const QByteArray& line)
{
    auto* worker = process(workerId);
    return isRunning() && worker && worker->writeInput(line.endsWith('\n') ? line : line + '\n');
}

bool RunController::kill(int workerId)
{
    auto* worker = process(workerId);
    if (!isRunning() || !worker || worker->hasDied() || !worker->sendSignal(SIGKILL))
        return false;
    m_model.markKilledByUser(workerId);
    return true;
}

void RunController::signalWorkers(int signal)
{
    // One by one, by PID: each is an unreaped child of ours, so the PID cannot belong to anyone else. (Not
    // killpg: the workers' session is the spawner's, where this process cannot put them in a group of its
    // choosing before they run.)
    for (const auto& worker : m_processes)
        worker->sendSignal(signal);
}

void RunController::killAllNow()
{
    m_launcher.reset(); // first: it reads the answers still due from the spawner, and kills their workers
    m_spawner.reset();
    signalWorkers(SIGKILL);
    for (size_t id = 0; id < m_processes.size(); ++id) {
        auto& worker = *m_processes[id];
        if (!worker.isAlive())
            continue;
        worker.killNow();
        onTelemetry(int(id));
        m_model.setExited(int(id), worker.exitedAtNs(), worker.exitCode(), worker.termSignal(), worker.cpuSeconds());
    }
    m_processes.clear();
}

} // namespace ProcViz
