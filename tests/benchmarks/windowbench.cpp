// SPDX-License-Identifier: GPL-3.0-or-later
// Items 6 and 7: the dashboard streaming 64 workers offscreen, and cold start to the first painted frame.
// Both run in a fresh child process of this executable, so memory and start-up are the window's own.
#include "benchcommon.h"
#include "mainwindow.h"
#include "parameterform.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMap>
#include <QPointer>
#include <QProcess>
#include <QSet>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <qcustomplot.h>

#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace ProcViz::Bench {

namespace {

qint64 threadCpuNs()
{
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

/// How long the calling thread has waited, runnable, for a CPU (schedstat's run delay); -1 if unknown.
class RunDelay
{
public:
    RunDelay()
        : m_fd(open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC))
    { }
    ~RunDelay()
    {
        if (m_fd >= 0)
            close(m_fd);
    }
    RunDelay(const RunDelay&) = delete;
    RunDelay& operator=(const RunDelay&) = delete;

    qint64 ns() const
    {
        char text[128] = {};
        if (m_fd < 0 || pread(m_fd, text, sizeof text - 1, 0) <= 0)
            return -1;
        long long onCpu = 0, waiting = 0;
        return std::sscanf(text, "%lld %lld", &onCpu, &waiting) == 2 ? qint64(waiting) : -1;
    }

private:
    int m_fd = -1;
};

// Times whole frames (UpdateRequest on the top-level window) and tells when the first paint happened.
class TimingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    QWidget* window = nullptr;
    QList<double> frameMs;
    std::function<void()> onFirstPaint;

    bool notify(QObject* receiver, QEvent* event) override
    {
        const auto type = event->type();
        if (receiver != window || (type != QEvent::UpdateRequest && type != QEvent::Paint))
            return QApplication::notify(receiver, event);
        const auto t0 = monotonicNowNs();
        const bool handled = QApplication::notify(receiver, event);
        if (type == QEvent::UpdateRequest)
            frameMs.append(double(monotonicNowNs() - t0) / 1e6);
        if (type == QEvent::Paint && onFirstPaint) {
            auto callback = std::move(onFirstPaint);
            onFirstPaint = {};
            callback();
        }
        return handled;
    }
};

void setParameter(MainWindow& window, const QString& name, const QVariant& value)
{
    auto* editor = window.parameterForm()->findChild<QWidget*>(name);
    if (auto* combo = qobject_cast<QComboBox*>(editor))
        combo->setCurrentIndex(combo->findData(value.toString()));
    else if (auto* edit = qobject_cast<QLineEdit*>(editor))
        edit->setText(value.toString());
    else if (auto* spin = qobject_cast<QSpinBox*>(editor))
        spin->setValue(value.toInt());
    else
        std::fprintf(stderr, "no field %s\n", qPrintable(name));
}

QJsonObject runChild(const QString& selfPath, const QStringList& args, qint64* startNs, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    *startNs = monotonicNowNs();
    process.start(selfPath, args);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    const auto lines = process.readAllStandardOutput().trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last()).object();
}

} // namespace

int windowChild(int argc, char** argv, int seconds, int workerNice)
{
    TimingApplication app(argc, argv);
    MainWindow window;
    // Experiment (--nice N): the same workers, started at a lower priority through a wrapper.
    QTemporaryDir wrapperDir;
    if (workerNice > 0) {
        QFile wrapper(wrapperDir.filePath(QStringLiteral("procviz-worker")));
        wrapper.open(QIODevice::WriteOnly);
        wrapper.write(QByteArray("#!/bin/sh\nexec nice -n ") + QByteArray::number(workerNice) + " "
            + QByteArray(PROCVIZ_WORKER_PATH) + " \"$@\"\n");
        wrapper.close();
        wrapper.setPermissions(wrapper.permissions() | QFile::ExeOwner);
        window.controller().setWorkerProgram(wrapper.fileName());
    }
    app.window = &window;
    window.resize(1920, 1080);
    window.show();
    window.selectScenario(QStringLiteral("timing"));
    setParameter(window, QStringLiteral("mode"), QStringLiteral("processes"));
    setParameter(window, QStringLiteral("workers"), 64);
    // 64 units of 2e9 additions keep two cores busy far longer than the window is watched.
    setParameter(window, QStringLiteral("iterations"), QStringLiteral("2000000000"));

    QList<double> replotMs, replotCpuMs;
    QMap<QString, QList<double>> perPlotCpuMs, perPlotMs; // by the class of the page that owns the plot
    const auto plotName = [](QCustomPlot* plot) {
        for (QObject* o = plot->parent(); o; o = o->parent()) {
            const QString name = QString::fromLatin1(o->metaObject()->className());
            if (name.startsWith(QLatin1String("ProcViz::")))
                return name;
        }
        return QStringLiteral("?");
    };
    QSet<QCustomPlot*> watched;
    QHash<QCustomPlot*, std::pair<qint64, qint64>> replotStart; // wall, thread CPU
    const auto watchPlots = [&] {
        for (auto* plot : window.findChildren<QCustomPlot*>()) {
            if (watched.contains(plot))
                continue;
            watched.insert(plot);
            QObject::connect(plot, &QCustomPlot::beforeReplot, plot, [&, plot] {
                replotStart[plot] = {monotonicNowNs(), threadCpuNs()};
            });
            QObject::connect(plot, &QCustomPlot::afterReplot, plot, [&, plot] {
                if (!replotStart.contains(plot))
                    return;
                const auto [wall, cpu] = replotStart.take(plot);
                replotMs.append(double(monotonicNowNs() - wall) / 1e6);
                replotCpuMs.append(double(threadCpuNs() - cpu) / 1e6);
                perPlotCpuMs[plotName(plot)].append(replotCpuMs.last());
                perPlotMs[plotName(plot)].append(replotMs.last());
            });
        }
    };
    // Diagnosis only (PROCVIZ_BENCH_EXPERIMENT): restyle the live graphs to see what their replots cost.
    const auto experiment = qEnvironmentVariable("PROCVIZ_BENCH_EXPERIMENT");
    const auto restyle = [&] {
        for (auto* plot : window.findChildren<QCustomPlot*>()) {
            if (plotName(plot) != QLatin1String("ProcViz::CpuChart"))
                continue;
            if (experiment == QLatin1String("cpunoaa"))
                plot->setNotAntialiasedElements(QCP::aePlottables);
            for (int i = 0; experiment == QLatin1String("cpu1") && i < plot->graphCount(); ++i) {
                QPen pen = plot->graph(i)->pen();
                pen.setWidthF(1);
                plot->graph(i)->setPen(pen);
            }
        }
    };
    QTimer rescan;
    QObject::connect(&rescan, &QTimer::timeout, &window, watchPlots);
    if (!experiment.isEmpty())
        QObject::connect(&rescan, &QTimer::timeout, &window, restyle);
    rescan.start(250);

    qint64 lastTick = 0, worstGap = 0, worstStreamingGap = 0, runReturned = 0, lastTickBeforeRun = 0;
    // The GUI thread's own CPU time across the worst streaming gap: close to the gap, the thread was busy
    // (our code to speed up); far below it, the thread was runnable but not running (the machine's load).
    // Its run delay across the same gap says how much of the rest it spent waiting for a core.
    const RunDelay runDelay;
    qint64 lastTickCpu = 0, worstStreamingGapCpu = 0, lastTickRunDelay = 0, worstStreamingGapRunDelay = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, &window, [&] {
        const auto now = monotonicNowNs();
        if (lastTick)
            worstGap = std::max(worstGap, now - lastTick);
        const auto cpu = threadCpuNs();
        const auto delay = runDelay.ns();
        if (runReturned && lastTick >= runReturned && now - lastTick > worstStreamingGap) {
            worstStreamingGap = now - lastTick;
            worstStreamingGapCpu = cpu - lastTickCpu;
            worstStreamingGapRunDelay = delay - lastTickRunDelay;
        }
        lastTick = now;
        lastTickCpu = cpu;
        lastTickRunDelay = delay;
    });

    qint64 cpuAtStart = 0, wallAtStart = 0;
    int workersStarted = 0;
    QObject::connect(&window.controller(), &RunController::workerStarted, &window, [&](int, qint64 pid) {
        ++workersStarted;
        // --worker-nice -1: undo the window's own renice (back to nice 0 needs root), the "before" baseline.
        if (workerNice < 0)
            setpriority(PRIO_PROCESS, id_t(pid), 0);
    });
    QTimer::singleShot(200, &window, [&] {
        watchPlots();
        replotMs.clear();
        replotCpuMs.clear();
        app.frameMs.clear();
        cpuAtStart = threadCpuNs();
        wallAtStart = monotonicNowNs();
        ticker.start(1);
        lastTick = lastTickBeforeRun = monotonicNowNs();
        lastTickCpu = threadCpuNs();
        lastTickRunDelay = runDelay.ns();
        window.run(); // spawns the 64 workers on this thread
        runReturned = monotonicNowNs();
        QTimer::singleShot(seconds * 1000, &window, [&] { app.quit(); });
    });
    app.exec();
    ticker.stop();
    QJsonObject perPlot;
    double slowestMedian = 0, slowestP99 = 0;
    QString slowest;
    for (auto it = perPlotMs.cbegin(); it != perPlotMs.cend(); ++it) {
        if (median(it.value()) > slowestMedian) {
            slowestMedian = median(it.value());
            slowestP99 = quantile(it.value(), 0.99);
            slowest = it.key();
        }
    }
    for (auto it = perPlotCpuMs.cbegin(); it != perPlotCpuMs.cend(); ++it)
        perPlot.insert(it.key(),
            QJsonObject {{QStringLiteral("wall_median_ms"), median(perPlotMs.value(it.key()))},
                {QStringLiteral("wall_p99_ms"), quantile(perPlotMs.value(it.key()), 0.99)},
                {QStringLiteral("cpu_median_ms"), median(it.value())},
                {QStringLiteral("cpu_p99_ms"), quantile(it.value(), 0.99)},
                {QStringLiteral("replots"), it.value().size()}});
    const QJsonObject out {
        {QStringLiteral("per_plot"), perPlot},
        {QStringLiteral("slowest_chart"), slowest},
        {QStringLiteral("slowest_median_ms"), slowestMedian},
        {QStringLiteral("slowest_p99_ms"), slowestP99},
        {QStringLiteral("replot_median_ms"), median(replotMs)},
        {QStringLiteral("replot_p99_ms"), quantile(replotMs, 0.99)},
        {QStringLiteral("replot_max_ms"),
            replotMs.isEmpty() ? 0.0 : *std::max_element(replotMs.cbegin(), replotMs.cend())},
        {QStringLiteral("replots"), replotMs.size()},
        {QStringLiteral("plots"), watched.size()},
        {QStringLiteral("replot_cpu_median_ms"), median(replotCpuMs)},
        {QStringLiteral("replot_cpu_p99_ms"), quantile(replotCpuMs, 0.99)},
        {QStringLiteral("gui_thread_cpu_share"),
            double(threadCpuNs() - cpuAtStart) / double(monotonicNowNs() - wallAtStart)},
        {QStringLiteral("frame_median_ms"), median(app.frameMs)},
        {QStringLiteral("frame_p99_ms"), quantile(app.frameMs, 0.99)},
        {QStringLiteral("frames"), app.frameMs.size()},
        {QStringLiteral("stall_max_ms"), double(worstGap) / 1e6 - 1.0},
        {QStringLiteral("stall_streaming_max_ms"), double(worstStreamingGap) / 1e6 - 1.0},
        {QStringLiteral("stall_streaming_max_cpu_ms"), double(worstStreamingGapCpu) / 1e6},
        {QStringLiteral("stall_streaming_max_run_delay_ms"), double(worstStreamingGapRunDelay) / 1e6},
        {QStringLiteral("run_click_ms"), double(runReturned - lastTickBeforeRun) / 1e6},
        {QStringLiteral("rss_mb"), double(statusKb("VmRSS:")) / 1024},
        {QStringLiteral("hwm_mb"), double(statusKb("VmHWM:")) / 1024},
        {QStringLiteral("workers_started"), workersStarted},
        {QStringLiteral("running_at_end"), window.controller().isRunning()},
    };
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return 0; // ~MainWindow kills and reaps the workers
}

int coldStartChild(int argc, char** argv)
{
    TimingApplication app(argc, argv);
    MainWindow window;
    app.window = &window;
    app.onFirstPaint = [&] {
        // After the event that painted the window has been handled, the frame is on the backing store.
        QTimer::singleShot(0, &app, [&] {
            std::printf("{\"first_paint_ns\": %lld}\n", static_cast<long long>(monotonicNowNs()));
            std::fflush(stdout);
            app.quit();
        });
    };
    window.show();
    return app.exec();
}

QList<Figure> windowBenchmarks(const Config& config, const QString& selfPath)
{
    QList<Figure> figures;
    if (config.wants(QStringLiteral("window"))) {
        const int seconds = config.quick ? 2 : 10;
        qint64 t0 = 0;
        const auto w = runChild(selfPath,
            {QStringLiteral("--child"), QStringLiteral("window"), QStringLiteral("--seconds"), QString::number(seconds),
                QStringLiteral("--nice"), QString::number(config.workerNice)},
            &t0, (seconds + 60) * 1000);
        // The slowest chart's replots, not all charts pooled: the small panels' cheap replots would hide it.
        const double replot = w.value(QStringLiteral("slowest_median_ms")).toDouble();
        const double p99 = w.value(QStringLiteral("slowest_p99_ms")).toDouble();
        const double stall = w.value(QStringLiteral("stall_max_ms")).toDouble();
        const double rss = w.value(QStringLiteral("hwm_mb")).toDouble();
        figures.append(
            {QStringLiteral("window_replot_median_ms"), QStringLiteral("6 window replot median, slowest chart"), replot,
                QStringLiteral("ms"), QStringLiteral("<= 8"), !w.isEmpty() && replot <= 8, w});
        figures.append({QStringLiteral("window_replot_p99_ms"), QStringLiteral("6 window replot p99, slowest chart"),
            p99, QStringLiteral("ms"), QString(), std::nullopt, {}});
        const double streaming = w.value(QStringLiteral("stall_streaming_max_ms")).toDouble();
        figures.append({QStringLiteral("window_stall_max_ms"), QStringLiteral("6 window longest stall, streaming"),
            streaming, QStringLiteral("ms"), QStringLiteral("<= 50"), !w.isEmpty() && streaming <= 50, {}});
        figures.append(
            {QStringLiteral("window_stall_with_run_click_ms"), QStringLiteral("6 window longest stall incl. Run click"),
                stall, QStringLiteral("ms"), QStringLiteral("<= 50"), !w.isEmpty() && stall <= 50,
                {{QStringLiteral("run_click_ms"), w.value(QStringLiteral("run_click_ms"))}}});
        figures.append({QStringLiteral("window_rss_peak_mb"), QStringLiteral("6 window peak RSS (VmHWM)"), rss,
            QStringLiteral("MB"), QStringLiteral("<= 150"), !w.isEmpty() && rss <= 150, {}});
    }
    if (config.wants(QStringLiteral("coldstart"))) {
        QList<double> ms;
        for (int r = 0; r < config.repetitions; ++r) {
            qint64 t0 = 0;
            const auto c = runChild(selfPath, {QStringLiteral("--child"), QStringLiteral("coldstart")}, &t0, 30'000);
            const auto painted = c.value(QStringLiteral("first_paint_ns")).toInteger();
            if (painted > 0)
                ms.append(double(painted - t0) / 1e6);
        }
        const double value = median(ms);
        figures.append({QStringLiteral("cold_start_ms"), QStringLiteral("7 cold start: launch -> first frame"), value,
            QStringLiteral("ms"), QStringLiteral("<= 400"), !ms.isEmpty() && value <= 400,
            {{QStringLiteral("samples_ms"), QJsonArray::fromVariantList(QVariantList(ms.cbegin(), ms.cend()))}}});
    }
    return figures;
}

} // namespace ProcViz::Bench
