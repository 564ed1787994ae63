// SPDX-License-Identifier: GPL-3.0-or-later
// The state timeline after real runs: the mix a lane shows is the mix its worker measured, hand-offs are
// arrows between the lanes, and View ▸ Show Hand-offs hides them (and is remembered).
#include "appsettings.h"
#include "chartspage.h"
#include "handoffarrows.h"
#include "mainwindow.h"
#include "parameterform.h"
#include "scenariorun.h"
#include "statepalette.h"
#include "statetimeline.h"
#include "timelineplottable.h"

#include <QAction>
#include <QImage>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <qcustomplot.h>

using namespace ProcViz;

namespace {
/// Pixels of exactly @p color in the middle of @p row's bar, across the plot.
int pixelsOf(const QImage& image, const TimelinePlottable& lanes, int row, const QColor& color)
{
    const auto [top, bottom] = lanes.barExtent(row);
    const QRect area = lanes.keyAxis()->axisRect()->rect();
    int count = 0;
    for (int y = int(std::ceil(top)) + 1; y < int(bottom) - 1; ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            count += image.pixelColor(x, y).rgb() == color.rgb();
    }
    return count;
}

double holdingShare(const StateShares& shares)
{
    const double holding = shares[size_t(WorkerState::Holding)];
    const double waiting = shares[size_t(WorkerState::Waiting)];
    return holding + waiting > 0 ? holding / (holding + waiting) : 0;
}
} // namespace

class TestTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void lockLanesShowTheMeasuredMix();
    void queueHandoffsAreArrows();
    void poolTasksAreTold();
    void toggleHidesTheArrowsAndIsRemembered();

private:
    static void showChart(StateTimeline& timeline, const RunModel& model);
    static void runInWindow(MainWindow& window, const QString& scenario, const QVariantMap& params);

    QTemporaryDir m_dir;
};

void TestTimeline::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestTimeline::cleanup()
{
    PROCVIZ_VERIFY_NOTHING_LEFT_BEHIND();
}

void TestTimeline::showChart(StateTimeline& timeline, const RunModel& model)
{
    timeline.resize(900, 500);
    timeline.setModel(&model);
    timeline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&timeline));
    timeline.refresh();
    timeline.plot()->replot();
}

void TestTimeline::runInWindow(MainWindow& window, const QString& scenario, const QVariantMap& params)
{
    window.controller().setWorkerProgram(QStringLiteral(PROCVIZ_WORKER_PATH));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.selectScenario(scenario));
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        QVERIFY(window.parameterForm()->setValue(it.key(), it.value()));
    QSignalSpy finished(&window.controller(), &RunController::finished);
    window.run();
    QVERIFY(finished.wait(60000));
    window.charts()->refresh();
    window.charts()->timeline()->plot()->replot();
}

// Four workers taking turns at one lock wait and hold in bursts far shorter than a pixel: every lane must
// still show both colours, in the proportion the worker measured (not the larger share painted whole).
void TestTimeline::lockLanesShowTheMeasuredMix()
{
    RunController controller;
    controller.setWorkerProgram(QStringLiteral(PROCVIZ_WORKER_PATH));
    const RunModel& model = runScenario(controller, "lock", {{"workers", 4}, {"increments", 20000}, {"lock", "on"}});
    QCOMPARE(model.outcomeId(), QStringLiteral("completed"));
    StateTimeline timeline;
    timeline.setHandoffsShown(false); // pixels of the bars only
    showChart(timeline, model);
    const TimelinePlottable& lanes = *timeline.lanes();
    QCOMPARE(lanes.rows().size(), 4);
    const QImage image = timeline.plot()->toPixmap().toImage();
    const QColor holding = StatePalette::stateColor(WorkerState::Holding);
    const QColor waiting = StatePalette::stateColor(WorkerState::Waiting);
    for (int row = 0; row < lanes.rows().size(); ++row) {
        const WorkerInfo& worker = model.workers().at(lanes.rows()[row].workerId);
        const Lane& lane = worker.lanes.first();
        const auto totals = RunModel::laneTotals(worker, lane, model.nowNs());
        StateShares measured {};
        for (size_t state = 0; state < measured.size(); ++state)
            measured[state] = double(totals[state]);
        // The query sums the lane as the model does.
        const auto reported = lanes.reportedShares(row, 0, model.nowNs());
        QVERIFY(std::abs(holdingShare(reported) - holdingShare(measured)) < 0.01);

        const int holdingPixels = pixelsOf(image, lanes, row, holding);
        const int waitingPixels = pixelsOf(image, lanes, row, waiting);
        QVERIFY2(holdingPixels > 0 && waitingPixels > 0,
            qPrintable(
                QStringLiteral("row %1: %2 holding, %3 waiting").arg(row).arg(holdingPixels).arg(waitingPixels)));
        const double drawn = double(holdingPixels) / (holdingPixels + waitingPixels);
        QVERIFY2(std::abs(drawn - holdingShare(measured)) < 0.05,
            qPrintable(
                QStringLiteral("row %1: drawn %2, measured %3").arg(row).arg(drawn).arg(holdingShare(measured))));
        // Hovering tells whose lane it is.
        const QRect area = lanes.keyAxis()->axisRect()->rect();
        const auto [top, bottom] = lanes.barExtent(row);
        const QString tip = timeline.toolTipAt(QPointF(area.center().x(), (top + bottom) / 2));
        QVERIFY2(tip.contains(QString::number(worker.pid)) && tip.contains(QLatin1Char('\n')), qPrintable(tip));
    }
}

void TestTimeline::queueHandoffsAreArrows()
{
    RunController controller;
    controller.setWorkerProgram(QStringLiteral(PROCVIZ_WORKER_PATH));
    const RunModel& model = runScenario(controller, "queue", {{"items", 3}, {"produce-ms", 50}, {"consume-ms", 80}});
    QCOMPARE(model.outcomeId(), QStringLiteral("completed"));
    QVERIFY(model.handoffs().size() >= 3);
    StateTimeline timeline;
    showChart(timeline, model);
    const auto arrows = timeline.handoffArrows()->arrows();
    QVERIFY2(arrows.size() >= 3, qPrintable(QString::number(arrows.size())));
    for (const auto& arrow : arrows) {
        const Handoff& handoff = model.handoffs().at(arrow.handoff);
        // From the producer's lane down to a consumer's, never backwards in time.
        QVERIFY(arrow.to.y() > arrow.from.y());
        QVERIFY(arrow.to.x() >= arrow.from.x());
        QVERIFY(handoff.label.startsWith(QStringLiteral("item ")));
        const QString tip = timeline.toolTipAt((arrow.from + arrow.to) / 2);
        QVERIFY2(tip.contains(handoff.label + QStringLiteral(": producer 0 → consumer")), qPrintable(tip));
    }
    // The tooltip follows the mouse.
    const QPoint middle = ((arrows.first().from + arrows.first().to) / 2).toPoint();
    QTest::mouseMove(timeline.plot(), middle);
    QTRY_COMPARE(QToolTip::text(), timeline.toolTipAt(middle));
}

// Hovering a pool worker's lane names the task it was running there.
void TestTimeline::poolTasksAreTold()
{
    RunController controller;
    controller.setWorkerProgram(QStringLiteral(PROCVIZ_WORKER_PATH));
    const RunModel& model = runScenario(controller, "pool", {{"workers", 2}, {"tasks", 8}, {"trials", 2000000}});
    QCOMPARE(model.outcomeId(), QStringLiteral("completed"));
    StateTimeline timeline;
    showChart(timeline, model);
    const TimelinePlottable& lanes = *timeline.lanes();
    int told = 0;
    for (int row = 0; row < lanes.rows().size(); ++row) {
        const WorkerInfo& worker = model.workers().at(lanes.rows()[row].workerId);
        const auto [top, bottom] = lanes.barExtent(row);
        for (const TaskSpan& span : worker.findLane(lanes.rows()[row].lane)->spans) {
            QVERIFY(span.endNs >= span.beginNs);
            const double x0 = lanes.keyAxis()->coordToPixel(double(span.beginNs) / 1e9);
            const double x1 = lanes.keyAxis()->coordToPixel(double(span.endNs) / 1e9);
            if (x1 - x0 < 3)
                continue; // narrower than the pixel the cursor is on
            const QString tip = timeline.toolTipAt(QPointF((x0 + x1) / 2, (top + bottom) / 2));
            QVERIFY2(tip.contains(QStringLiteral("task %1 · ").arg(span.index)), qPrintable(tip));
            ++told;
        }
    }
    QVERIFY(told > 0);
}

void TestTimeline::toggleHidesTheArrowsAndIsRemembered()
{
    const QString path = m_dir.filePath(QStringLiteral("procviz.ini"));
    {
        AppSettings settings(path);
        MainWindow window;
        window.restoreSettings(&settings);
        runInWindow(window, QStringLiteral("queue"), {{"items", 3}, {"produce-ms", 50}, {"consume-ms", 80}});
        auto* timeline = window.charts()->timeline();
        auto* toggle = window.findChild<QAction*>(QStringLiteral("showHandoffs"));
        QVERIFY(toggle && toggle->isCheckable() && toggle->isChecked());
        QVERIFY(timeline->handoffArrows()->visible());
        QVERIFY(timeline->handoffArrows()->arrows().size() >= 3);
        const QImage shown = timeline->plot()->toPixmap().toImage();

        toggle->trigger();
        QVERIFY(!toggle->isChecked());
        QVERIFY(!timeline->handoffsShown());
        timeline->plot()->replot();
        QVERIFY(timeline->plot()->toPixmap().toImage() != shown);
        window.saveSettings();
    }
    AppSettings settings(path);
    QVERIFY(!settings.showHandoffs());
    MainWindow window;
    window.restoreSettings(&settings);
    QVERIFY(!window.findChild<QAction*>(QStringLiteral("showHandoffs"))->isChecked());
    QVERIFY(!window.charts()->timeline()->handoffsShown());
}

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
