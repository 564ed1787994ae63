// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartspage.h"
#include "childprocesses.h"
#include "engine/procstat.h"
#include "followstate.h"
#include "lessonpanel.h"
#include "mainwindow.h"
#include "parameterform.h"
#include "progresschart.h"
#include "resultpanel.h"
#include "scenario/scenarioregistry.h"
#include "scenariolist.h"
#include "statetimeline.h"

#include <QDir>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolBar>
#include <qcustomplot.h>

#include <csignal>

using namespace ProcViz;

class TestDashboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void scenarioRunsToTheEnd_data();
    void scenarioRunsToTheEnd();
    void everyScenarioHasItsLessonInBothLanguages();
    void invalidCombinationDisablesRun();
    void pauseStopsTheWorkers();
    void killRecordsSignal9();
    void zoomStopsFollowing();
    void chatGoesThroughThePipe();
    void keyboardReachesEveryControl();
    void shotWritesPng();

private:
    static void setParameter(MainWindow& window, const QString& name, const QVariant& value);
    static void trigger(MainWindow& window, const char* actionName);
    static void startLongRun(MainWindow& window);

    QTemporaryDir m_dir;
};

void TestDashboard::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestDashboard::cleanup()
{
    QCOMPARE(childProcesses(), QList<qint64>());
}

// Sets a field the way a user would, found by the name the command line uses for it.
void TestDashboard::setParameter(MainWindow& window, const QString& name, const QVariant& value)
{
    auto* editor = window.parameterForm()->findChild<QWidget*>(name);
    QVERIFY2(editor, qPrintable(name));
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        combo->setCurrentIndex(combo->findData(value.toString()));
        QCOMPARE(combo->currentData().toString(), value.toString());
    } else if (auto* edit = qobject_cast<QLineEdit*>(editor)) {
        edit->setText(value.toString());
    } else {
        auto* spin = qobject_cast<QSpinBox*>(editor);
        QVERIFY(spin);
        spin->setValue(value.toInt());
        QCOMPARE(spin->value(), value.toInt());
    }
}

// Clicks the toolbar button of an action.
void TestDashboard::trigger(MainWindow& window, const char* actionName)
{
    auto* action = window.findChild<QAction*>(QLatin1String(actionName));
    auto* toolBar = window.findChild<QToolBar*>(QStringLiteral("runToolBar"));
    QVERIFY(action && toolBar);
    QVERIFY2(action->isEnabled(), actionName);
    QTest::mouseClick(toolBar->widgetForAction(action), Qt::LeftButton);
}

void TestDashboard::scenarioRunsToTheEnd_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QVariantMap>("params");
    QTest::addRow("timing") << "timing" << QVariantMap {{"mode", "processes"}, {"workers", 2}, {"iterations", 1}};
    QTest::addRow("timing threads") << "timing" << QVariantMap {{"mode", "gil"}, {"workers", 2}, {"iterations", 1}};
    QTest::addRow("lifecycle") << "lifecycle" << QVariantMap {{"workers", 3}, {"sleep-ms", 100}};
    QTest::addRow("lock off") << "lock" << QVariantMap {{"workers", 2}, {"increments", 20000}, {"lock", "off"}};
    QTest::addRow("lock on") << "lock" << QVariantMap {{"workers", 2}, {"increments", 2000}, {"lock", "on"}};
    QTest::addRow("semaphore") << "semaphore" << QVariantMap {{"workers", 3}, {"permits", 2}, {"hold-ms", 100}};
    // The communication scenarios, where this build has them.
    QTest::addRow("queue") << "queue"
                           << QVariantMap {{"consumers", 2}, {"items", 3}, {"produce-ms", 10}, {"consume-ms", 10}};
    QTest::addRow("pipe") << "pipe" << QVariantMap {{"send-ms", 10}, {"recv-ms", 10}};
    QTest::addRow("pipe duplex") << "pipe" << QVariantMap {{"mode", "duplex"}, {"send-ms", 10}, {"recv-ms", 10}};
    QTest::addRow("pool") << "pool" << QVariantMap {{"workers", 2}, {"tasks", 8}, {"trials", 1000}};
}

void TestDashboard::scenarioRunsToTheEnd()
{
    QFETCH(QString, scenario);
    QFETCH(QVariantMap, params);
    if (!ScenarioRegistry::instance().find(scenario))
        QSKIP("this build has no such scenario");
    MainWindow window;
    window.controller().setWorkerProgram(QStringLiteral(PROCVIZ_WORKER_PATH));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.selectScenario(scenario));
    QCOMPARE(window.scenarioList()->currentScenario(), scenario);
    QCOMPARE(window.scenarioId(), scenario);
    QVERIFY(!window.lesson()->toPlainText().isEmpty());
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        setParameter(window, it.key(), it.value());

    QSignalSpy finished(&window.controller(), &RunController::finished);
    trigger(window, "run");
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toString(), QStringLiteral("completed"));

    const auto& model = window.controller().model();
    int lanes = 0;
    for (const auto& worker : model.workers())
        lanes += std::max<int>(1, int(worker.lanes.size()));
    QVERIFY(lanes > 0);
    // One progress line and one timeline lane per worker (per thread for threaded workers).
    QCOMPARE(window.chart()->plot()->graphCount(), lanes);
    QCOMPARE(window.charts()->timeline()->laneCount(), lanes);
    for (const auto& worker : model.workers()) {
        bool named = false;
        for (int i = 0; i < window.chart()->plot()->graphCount(); ++i)
            named = named || window.chart()->plot()->graph(i)->name().contains(QString::number(worker.pid));
        QVERIFY2(named, qPrintable(QStringLiteral("no progress line names PID %1").arg(worker.pid)));
    }
    // The checks panel shows the outcome and every check's own words.
    const QString checks = window.checks()->plainText();
    QVERIFY(checks.contains(QStringLiteral("Run completed")));
    QVERIFY(!model.checks().isEmpty());
    for (const auto& check : model.checks()) {
        QVERIFY2(checks.contains(check.detail), qPrintable(check.detail));
        if (!check.passed && !check.expectedToPass)
            QVERIFY(checks.contains(QStringLiteral("the lesson")));
    }
    QVERIFY(window.findChild<QAction*>(QStringLiteral("run"))->isEnabled());
}

// Adding a scenario means adding its lesson too, in English and in Korean.
void TestDashboard::everyScenarioHasItsLessonInBothLanguages()
{
    LessonPanel lesson;
    for (const QString& id : ScenarioRegistry::instance().ids()) {
        QVERIFY2(LessonPanel::hasLesson(id, QStringLiteral("en")), qPrintable(id));
        QVERIFY2(LessonPanel::hasLesson(id, QStringLiteral("ko")), qPrintable(id));
        lesson.setScenario(id);
        lesson.setLanguage(QStringLiteral("ko"));
        const QString korean = lesson.toPlainText();
        QVERIFY2(std::any_of(korean.cbegin(), korean.cend(),
                     [](QChar c) { return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3; }),
            qPrintable(id));
        lesson.setLanguage(QStringLiteral("en"));
        QVERIFY(lesson.toPlainText() != korean);
    }
}

void TestDashboard::invalidCombinationDisablesRun()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.selectScenario(QStringLiteral("semaphore")));
    auto* run = window.findChild<QAction*>(QStringLiteral("run"));
    auto* error = window.findChild<QLabel*>(QStringLiteral("parameterError"));
    QVERIFY(run && error);
    QVERIFY(run->isEnabled());
    setParameter(window, QStringLiteral("workers"), 2);
    setParameter(window, QStringLiteral("permits"), 5);
    const QString reason = RunController::check(QStringLiteral("semaphore"), window.parameterForm()->values());
    QVERIFY(!reason.isEmpty());
    QVERIFY(!run->isEnabled());
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), reason);
    QVERIFY(run->toolTip().contains(reason));
    setParameter(window, QStringLiteral("permits"), 2);
    QVERIFY(run->isEnabled());
    QVERIFY(!error->isVisible());
}

// Far more work than any test waits for: only Stop ends it.
void TestDashboard::startLongRun(MainWindow& window)
{
    window.controller().setWorkerProgram(QStringLiteral(PROCVIZ_WORKER_PATH));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.selectScenario(QStringLiteral("timing")));
    setParameter(window, QStringLiteral("mode"), QStringLiteral("processes"));
    setParameter(window, QStringLiteral("workers"), 2);
    setParameter(window, QStringLiteral("iterations"), 100000);
    QSignalSpy started(&window.controller(), &RunController::workerStarted);
    trigger(window, "run");
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 10000);
    // Spawned is not yet running our code: wait until each worker has said it started, so its lane exists.
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(window.controller().model().workers().cbegin(), window.controller().model().workers().cend(),
            [](const WorkerInfo& w) { return !w.lanes.isEmpty(); }),
        10000);
}

void TestDashboard::pauseStopsTheWorkers()
{
    MainWindow window;
    startLongRun(window);
    QList<qint64> pids;
    for (const auto& worker : window.controller().model().workers())
        pids.append(worker.pid);
    auto* banner = window.findChild<QLabel*>(QStringLiteral("pausedBanner"));
    QVERIFY(banner && !banner->isVisible());

    trigger(window, "pause");
    QVERIFY(banner->isVisible());
    for (qint64 pid : pids)
        QTRY_COMPARE_WITH_TIMEOUT(ProcStat::read(pid).value_or(ProcStat {}).state, 'T', 5000);
    // The lanes say so too, once the engine's sampling has seen it.
    QTRY_VERIFY_WITH_TIMEOUT(
        window.controller().model().workers().first().engineStates.value(0).state == WorkerState::Stopped, 5000);

    trigger(window, "pause"); // now reads Resume
    QVERIFY(!banner->isVisible());
    for (qint64 pid : pids)
        QTRY_VERIFY_WITH_TIMEOUT(ProcStat::read(pid).value_or(ProcStat {}).state != 'T', 5000);

    QSignalSpy finished(&window.controller(), &RunController::finished);
    trigger(window, "stop");
    QVERIFY(finished.wait(10000));
}

void TestDashboard::killRecordsSignal9()
{
    MainWindow window;
    startLongRun(window);
    auto* timeline = window.charts()->timeline();
    QTRY_COMPARE_WITH_TIMEOUT(timeline->laneCount(), 2, 5000);
    auto* kill = window.findChild<QAction*>(QStringLiteral("kill"));
    QVERIFY(!kill->isEnabled()); // nothing selected yet

    // Click the middle of the first lane, as a teacher would.
    timeline->plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QPoint lane(timeline->plot()->axisRect()->center().x(), int(timeline->plot()->yAxis->coordToPixel(0)));
    QTest::mouseClick(timeline->plot(), Qt::LeftButton, {}, lane);
    QCOMPARE(timeline->selectedWorker(), 0);
    QVERIFY(kill->isEnabled());
    trigger(window, "kill");
    QTRY_VERIFY_WITH_TIMEOUT(window.controller().model().workers().first().signal.has_value(), 5000);
    QCOMPARE(*window.controller().model().workers().first().signal, SIGKILL);
    QVERIFY(window.controller().model().workers().first().killedByUser);

    QSignalSpy finished(&window.controller(), &RunController::finished);
    trigger(window, "stop");
    QVERIFY(finished.wait(10000));
}

void TestDashboard::zoomStopsFollowing()
{
    MainWindow window;
    startLongRun(window);
    auto* follow = window.charts()->follow();
    auto* button = window.findChild<QPushButton*>(QStringLiteral("followLive"));
    QVERIFY(button);
    QVERIFY(follow->isFollowing());
    QVERIFY(!button->isVisible());

    // A wheel zoom over the timeline, as a user would.
    auto* plot = window.charts()->timeline()->plot();
    const QPoint centre = plot->axisRect()->center();
    QWheelEvent wheel(
        centre, plot->mapToGlobal(centre), {}, QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(plot, &wheel);
    QVERIFY(!follow->isFollowing());
    QVERIFY(button->isVisible());
    const QCPRange zoomed = plot->xAxis->range();
    QTest::qWait(3 * LiveChart::RefreshIntervalMs);
    QCOMPARE(plot->xAxis->range(), zoomed); // the chart no longer moves the user's view

    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(follow->isFollowing());
    QVERIFY(!button->isVisible());

    QSignalSpy finished(&window.controller(), &RunController::finished);
    trigger(window, "stop");
    QVERIFY(finished.wait(10000));
}

void TestDashboard::chatGoesThroughThePipe()
{
    if (!ScenarioRegistry::instance().find(QStringLiteral("pipe")))
        QSKIP("this build has no pipe scenario");
    MainWindow window;
    window.controller().setWorkerProgram(QStringLiteral(PROCVIZ_WORKER_PATH));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.selectScenario(QStringLiteral("pipe")));
    // Slow sending keeps the sender reading its input for a while.
    setParameter(window, QStringLiteral("send-ms"), 2000);
    setParameter(window, QStringLiteral("recv-ms"), 10);
    QSignalSpy started(&window.controller(), &RunController::workerStarted);
    QSignalSpy finished(&window.controller(), &RunController::finished);
    trigger(window, "run");
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 10000);

    auto* input = window.findChild<QLineEdit*>(QStringLiteral("chatInput"));
    QVERIFY(input);
    QTest::keyClicks(input, QStringLiteral("hello from the class"));
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(input->text().isEmpty());
    auto* transcript = window.findChild<QTextBrowser*>(QStringLiteral("chatTranscript"));
    QVERIFY(transcript);
    // The sender says it took the line from the user, and the receiver gets one message more than planned.
    QTRY_VERIFY_WITH_TIMEOUT(transcript->toPlainText().contains(QStringLiteral("chat line")), 10000);

    trigger(window, "stop");
    QVERIFY(finished.wait(10000));
}

void TestDashboard::keyboardReachesEveryControl()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    window.scenarioList()->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(window.scenarioList()->hasFocus());

    QSet<QWidget*> reached;
    for (int i = 0; i < 60; ++i) {
        reached.insert(QApplication::focusWidget());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    QList<QWidget*> wanted {window.scenarioList(), window.charts()->timeline(), window.lesson()};
    for (auto* editor : window.parameterForm()->findChildren<QAbstractSpinBox*>())
        wanted.append(editor);
    for (auto* editor : window.parameterForm()->findChildren<QComboBox*>())
        wanted.append(editor);
    auto* toolBar = window.findChild<QToolBar*>(QStringLiteral("runToolBar"));
    for (auto* action : toolBar->actions()) {
        if (action->isEnabled() && !action->isSeparator())
            wanted.append(toolBar->widgetForAction(action));
    }
    for (auto* widget : wanted)
        QVERIFY2(reached.contains(widget), qPrintable(widget->objectName() + QLatin1String(" not reached by Tab")));

    // And the scenario list itself answers to the arrow keys.
    window.scenarioList()->setFocus();
    const QString before = window.scenarioId();
    QTest::keyClick(window.scenarioList(), Qt::Key_Up);
    QTest::keyClick(window.scenarioList(), Qt::Key_Up);
    QTest::keyClick(window.scenarioList(), Qt::Key_Down);
    QVERIFY(!window.scenarioId().isEmpty());
    Q_UNUSED(before);
}

void TestDashboard::shotWritesPng()
{
    const QString out = m_dir.filePath(QStringLiteral("shot.png"));
    QProcess shot;
    shot.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    shot.start(QStringLiteral(PROCVIZ_BINARY),
        {QStringLiteral("shot"), QStringLiteral("lifecycle"), QStringLiteral("--workers"), QStringLiteral("2"),
            QStringLiteral("--sleep-ms"), QStringLiteral("50"), QStringLiteral("--out"), out, QStringLiteral("--size"),
            QStringLiteral("1280x720")});
    QVERIFY(shot.waitForFinished(60000));
    QCOMPARE(shot.exitStatus(), QProcess::NormalExit);
    QCOMPARE(shot.exitCode(), 0);
    const QImage image(out);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1280, 720));

    QProcess bad;
    bad.start(QStringLiteral(PROCVIZ_BINARY), {QStringLiteral("shot"), QStringLiteral("lifecycle")});
    QVERIFY(bad.waitForFinished(30000));
    QCOMPARE(bad.exitCode(), 2);

    // Mid-run: the picture half a second in, then the run is stopped and its workers reaped.
    const QString mid = m_dir.filePath(QStringLiteral("mid.png"));
    QProcess during;
    during.start(QStringLiteral(PROCVIZ_BINARY),
        {QStringLiteral("shot"), QStringLiteral("lifecycle"), QStringLiteral("--sleep-ms"), QStringLiteral("60000"),
            QStringLiteral("--sleep-jitter-ms"), QStringLiteral("0"), QStringLiteral("--at"), QStringLiteral("0.5"),
            QStringLiteral("--out"), mid});
    QVERIFY(during.waitForStarted());
    // Its workers carry its PID in their environment; other tests' lifecycle workers may run meanwhile.
    const QByteArray ours = "PROCVIZ_PARENT_PID=" + QByteArray::number(during.processId());
    QVERIFY(during.waitForFinished(30000)); // long before the workers' minute is up
    QCOMPARE(during.exitCode(), 0);
    QVERIFY(!QImage(mid).isNull());
    for (const auto& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile environment(QStringLiteral("/proc/%1/environ").arg(entry));
        if (environment.open(QIODevice::ReadOnly))
            QVERIFY2(!environment.readAll().split('\0').contains(ours), qPrintable(entry));
    }
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
