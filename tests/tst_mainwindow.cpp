// SPDX-License-Identifier: GPL-3.0-or-later
#include "childprocesses.h"
#include "mainwindow.h"
#include "parameterform.h"
#include "progresschart.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <qcustomplot.h>

#include <cerrno>
#include <csignal>

using namespace ProcViz;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void runChartsEveryWorkerLive();
    void threadsNamedByTid();
    void stopEndsTheRun();
    void closingMidRunLeavesNoWorker();
    void failureShownInline();
    void pythonRuntimeRunsTheLessonsProgram();

private:
    static void configure(MainWindow& window, const QString& mode, int workers, int millions);
    static void trigger(MainWindow& window, const char* actionName);

    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

// Sets the fields the way a user would, by the names the command line uses for them.
void TestMainWindow::configure(MainWindow& window, const QString& mode, int workers, int millions)
{
    auto* modeBox = window.findChild<QComboBox*>(QStringLiteral("mode"));
    auto* workersBox = window.findChild<QSpinBox*>(QStringLiteral("workers"));
    auto* iterationsBox = window.findChild<QSpinBox*>(QStringLiteral("iterations"));
    QVERIFY(modeBox && workersBox && iterationsBox);
    modeBox->setCurrentIndex(modeBox->findData(mode));
    QCOMPARE(modeBox->currentData().toString(), mode);
    workersBox->setValue(workers);
    iterationsBox->setValue(millions);
    QCOMPARE(iterationsBox->value(), millions);
}

// Clicks the toolbar button of an action, as a user would.
void TestMainWindow::trigger(MainWindow& window, const char* actionName)
{
    auto* action = window.findChild<QAction*>(QLatin1String(actionName));
    auto* toolBar = window.findChild<QToolBar*>(QStringLiteral("runToolBar"));
    QVERIFY(action && toolBar);
    QVERIFY(action->isEnabled());
    QWidget* button = toolBar->widgetForAction(action);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestMainWindow::runChartsEveryWorkerLive()
{
    MainWindow window;
    window.controller().setWorkerProgram(QStringLiteral(PROCVIZ_WORKER_PATH));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Long enough (a few tenths of a second) for the chart's 33 ms refresh to come round during the run.
    configure(window, QStringLiteral("processes"), 2, 500);
    // Before any run the chart is empty and its time axis sane (not the seconds since boot).
    QTest::qWait(2 * ProgressChart::RefreshIntervalMs);
    QCOMPARE(window.chart()->plot()->graphCount(), 0);
    QVERIFY(window.chart()->plot()->xAxis->range().upper < 60);

    // If the engine ever blocked the GUI thread, neither this timer nor the chart's would fire mid-run.
    int ticksWhileRunning = 0;
    int pointsSeenWhileRunning = 0;
    QTimer ticker;
    ticker.setInterval(20);
    connect(&ticker, &QTimer::timeout, this, [&] {
        if (!window.controller().isRunning())
            return;
        ++ticksWhileRunning;
        auto* plot = window.chart()->plot();
        for (int i = 0; i < plot->graphCount(); ++i)
            pointsSeenWhileRunning = std::max(pointsSeenWhileRunning, plot->graph(i)->dataCount());
    });
    ticker.start();

    QSignalSpy finished(&window.controller(), &RunController::finished);
    QSignalSpy failed(&window.controller(), &RunController::failed);
    trigger(window, "run");
    QVERIFY(window.controller().isRunning());
    QVERIFY(finished.wait(60000));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(finished.first().first().toString(), QStringLiteral("completed"));
    QVERIFY(ticksWhileRunning > 0);
    QVERIFY(pointsSeenWhileRunning > 0);

    const auto& workers = window.controller().model().workers();
    auto* plot = window.chart()->plot();
    QCOMPARE(workers.size(), 2);
    QCOMPARE(plot->graphCount(), int(workers.size()));
    for (const auto& worker : workers) {
        const QString pid = QString::number(worker.pid);
        bool found = false;
        for (int i = 0; i < plot->graphCount(); ++i) {
            if (plot->graph(i)->name().contains(pid)) {
                found = true;
                QVERIFY(plot->graph(i)->dataCount() > 0);
                // The chart ends where the worker's own last report ended: at 100 %.
                QCOMPARE(plot->graph(i)->data()->constEnd()[-1].value, 100.0);
            }
        }
        QVERIFY2(found, qPrintable(QStringLiteral("no legend entry names PID %1").arg(pid)));
    }
    QVERIFY(window.findChild<QAction*>(QStringLiteral("run"))->isEnabled());

    const QPixmap shot = window.grab();
    QVERIFY(!shot.isNull());
    const QString path = m_dir.filePath(QStringLiteral("mainwindow.png"));
    QVERIFY(shot.save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

void TestMainWindow::threadsNamedByTid()
{
    MainWindow window;
    window.controller().setWorkerProgram(QStringLiteral(PROCVIZ_WORKER_PATH));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    configure(window, QStringLiteral("threads"), 2, 50);

    QSignalSpy finished(&window.controller(), &RunController::finished);
    trigger(window, "run");
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toString(), QStringLiteral("completed"));

    // One process, one line per thread: each legend entry names its own TID and the shared PID.
    const auto& workers = window.controller().model().workers();
    QCOMPARE(workers.size(), 1);
    QCOMPARE(workers.first().lanes.size(), 2);
    auto* plot = window.chart()->plot();
    QCOMPARE(plot->graphCount(), 2);
    for (const auto& lane : workers.first().lanes) {
        const QString expected = QStringLiteral("TID %1 (PID %2)").arg(lane.tid).arg(workers.first().pid);
        bool found = false;
        for (int i = 0; i < plot->graphCount(); ++i)
            found = found || plot->graph(i)->name().contains(expected);
        QVERIFY2(found, qPrintable(expected));
    }
}

void TestMainWindow::stopEndsTheRun()
{
    MainWindow window;
    window.controller().setWorkerProgram(QStringLiteral(PROCVIZ_WORKER_PATH));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Far more work than the test waits for: only Stop can end this run in time.
    configure(window, QStringLiteral("processes"), 2, 100000);

    QSignalSpy started(&window.controller(), &RunController::workerStarted);
    QSignalSpy finished(&window.controller(), &RunController::finished);
    trigger(window, "run");
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 10000);
    QList<qint64> pids;
    for (const auto& worker : window.controller().model().workers())
        pids.append(worker.pid);

    // A paused run must still stop: the engine wakes the workers so they can act on SIGTERM.
    trigger(window, "pause");
    QVERIFY(window.controller().isPaused());
    QCOMPARE(window.findChild<QAction*>(QStringLiteral("pause"))->text(), MainWindow::tr("▶ &Resume"));
    trigger(window, "stop");
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toString(), QStringLiteral("stopped"));
    QCOMPARE(window.controller().model().liveWorkerCount(), 0);
    // Reaped by the engine, so not even a zombie is left under those PIDs.
    for (qint64 pid : pids)
        QVERIFY(::kill(pid_t(pid), 0) == -1 && errno == ESRCH);
    QCOMPARE(childProcesses(), QList<qint64>());
    QVERIFY(!window.findChild<QAction*>(QStringLiteral("stop"))->isEnabled());
    QVERIFY(window.findChild<QAction*>(QStringLiteral("run"))->isEnabled());
}

void TestMainWindow::closingMidRunLeavesNoWorker()
{
    {
        MainWindow window;
        window.controller().setWorkerProgram(QStringLiteral(PROCVIZ_WORKER_PATH));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        configure(window, QStringLiteral("processes"), 2, 100000);
        QSignalSpy started(&window.controller(), &RunController::workerStarted);
        trigger(window, "run");
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 10000);
        QVERIFY(childProcesses().size() >= 2); // the workers, and the spawner until it has gone
    }
    QCOMPARE(childProcesses(), QList<qint64>());
}

void TestMainWindow::failureShownInline()
{
    MainWindow window;
    window.controller().setWorkerProgram(m_dir.filePath(QStringLiteral("no-such-worker")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    configure(window, QStringLiteral("processes"), 1, 1);

    QSignalSpy failed(&window.controller(), &RunController::failed);
    trigger(window, "run");
    QCOMPARE(failed.count(), 1);
    auto* error = window.findChild<QLabel*>(QStringLiteral("error"));
    QVERIFY(error);
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("no-such-worker")));
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(window.findChild<QAction*>(QStringLiteral("run"))->isEnabled());
}

// The runtime switch, as a student uses it: the form keeps what the program takes, at sizes fit for Python, and
// Run starts the lesson's own program, every process of it a lane.
void TestMainWindow::pythonRuntimeRunsTheLessonsProgram()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* runtime = window.findChild<QComboBox*>(QStringLiteral("runtime"));
    QVERIFY(runtime);
    QVERIFY(window.selectScenario(QStringLiteral("timing")));
    const auto cppIterations = window.parameterForm()->values().value(QStringLiteral("iterations")).toLongLong();
    runtime->setCurrentIndex(runtime->findData(QStringLiteral("python")));
    QCOMPARE(window.parameterForm()->values().value(QStringLiteral("iterations")).toLongLong(), 4'000'000);
    runtime->setCurrentIndex(runtime->findData(QStringLiteral("cpp")));
    QCOMPARE(window.parameterForm()->values().value(QStringLiteral("iterations")).toLongLong(), cppIterations);

    QVERIFY(window.selectScenario(QStringLiteral("lock")));
    runtime->setCurrentIndex(runtime->findData(QStringLiteral("python")));
    QVERIFY(window.findChild<QWidget*>(QStringLiteral("work-ns"))->isHidden()); // the program has none
    QVERIFY(!window.findChild<QWidget*>(QStringLiteral("workers"))->isHidden());
    QVERIFY(window.parameterForm()->setValue(QStringLiteral("increments"), 20000));
    QSignalSpy finished(&window.controller(), &RunController::finished);
    trigger(window, "run");
    QVERIFY(!runtime->isEnabled()); // not switched under a running program
    QVERIFY(finished.wait(60000));
    const auto& model = window.controller().model();
    QCOMPARE(model.runtime(), QStringLiteral("python"));
    QCOMPARE(model.outcomeId(), QStringLiteral("completed"));
    QCOMPARE(model.result().value(QStringLiteral("counter")).toInteger(), 80000);
    QCOMPARE(model.workers().size(), 5); // MainProcess and its four Processes
    QVERIFY(runtime->isEnabled());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
