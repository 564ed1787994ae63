// SPDX-License-Identifier: GPL-3.0-or-later
// The live charts fed from a RunModel filled the way the engine fills it, without processes: 64 workers
// stream progress and /proc samples, and the charts must show every one, told apart, at any font size.
#include "cpuchart.h"
#include "lanegraph.h"
#include "livechart.h"
#include "model/runmodel.h"
#include "progresschart.h"
#include "panels/samplelinepanel.h"
#include "panels/timingpanel.h"
#include "scenario/scenarioregistry.h"
#include "statetimeline.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <QThread>
#include <qcustomplot.h>

#include <limits>

using namespace ProcViz;

namespace {

constexpr int Workers = 64;
constexpr qint64 StepNs = 10'000'000; // 100 reports a second, the workers' own throttle
constexpr qint64 Total = 1'000'000;

const Scenario& scenario(const char* id)
{
    const Scenario* found = ScenarioRegistry::instance().find(QString::fromLatin1(id));
    Q_ASSERT(found);
    return *found;
}

/// A run of Workers processes that began long enough ago for every record below to be plausible.
class SyntheticRun
{
public:
    explicit SyntheticRun(int workers = Workers)
        : m_workers(workers)
    {
        m_startNs = monotonicNowNs() - 100'000'000'000;
        m_model.begin(QStringLiteral("timing"), {{QStringLiteral("workers"), Workers}}, m_startNs);
        const int phase = m_model.addPhase(QStringLiteral("processes"), m_startNs);
        for (int i = 0; i < m_workers; ++i) {
            m_model.addWorker(phase, QStringLiteral("worker"), i, 100000 + i, m_startNs);
            send(i, RecordKind::Started, 0, 0);
        }
    }

    /// @p count more progress reports from every worker, each a little further on.
    void stream(int count)
    {
        for (int n = 0; n < count; ++n) {
            ++m_step;
            for (int i = 0; i < m_workers; ++i) {
                // Each worker at its own pace, so the lines part as they do in a real run.
                send(i, RecordKind::Progress, std::min<qint64>(m_step * (40 + i) * 60, Total), Total);
                m_model.addSample(i, m_startNs + m_step * StepNs, 'R', double(m_step) * StepNs / 1e9 / 2);
            }
        }
    }

    const RunModel& model() const { return m_model; }

private:
    void send(int worker, RecordKind kind, qint64 value, qint64 value2)
    {
        TelemetryRecord record;
        record.kind = std::uint8_t(kind);
        record.pid = 100000 + worker;
        record.tid = record.pid;
        record.timestampNs = m_startNs + m_step * StepNs;
        record.value = value;
        record.value2 = value2;
        m_model.applyRecord(worker, record);
    }

    int m_workers;
    RunModel m_model;
    qint64 m_startNs = 0;
    qint64 m_step = 0;
};

QFont doubled(const QFont& font)
{
    QFont big = font;
    big.setPointSizeF(font.pointSizeF() * 2);
    return big;
}

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void progressChartIsALiveChart();
    void sixtyFourLanesSolidAndDistinct();
    void everySampleArrives();
    void linesGrowWithTheFont();
    void panelsGrowWithTheFont();
    void chartTextGrowsLessThanTheFont();
    void timeTicksFollowTheWidth();
    void legendGivesWayWhenTooWide();
    void valueAxisTitleFitsItsAxis();
    void lockCallOutStaysInsideThePlot();
    void timingLabelsNeverOverlap();
};

void TestCharts::progressChartIsALiveChart()
{
    ProgressChart chart;
    QVERIFY(qobject_cast<LiveChart*>(&chart));
}

void TestCharts::sixtyFourLanesSolidAndDistinct()
{
    SyntheticRun run;
    run.stream(20);
    ProgressChart chart;
    chart.setModel(&run.model());
    chart.refresh();
    auto* plot = chart.plot();
    QCOMPARE(plot->graphCount(), Workers);
    QSet<QPair<QRgb, int>> looks;
    for (int i = 0; i < plot->graphCount(); ++i) {
        // A dash pattern would take QCustomPlot off its fast line drawing.
        QCOMPARE(plot->graph(i)->pen().style(), Qt::SolidLine);
        auto* lane = dynamic_cast<LaneGraph*>(plot->graph(i));
        QVERIFY(lane);
        QVERIFY(!lane->endLabel().isEmpty());
        looks.insert({lane->pen().color().rgb(), int(lane->endShape())});
    }
    // Colour and end marker together tell every line from every other.
    QCOMPARE(looks.size(), Workers);
}

void TestCharts::everySampleArrives()
{
    SyntheticRun run;
    ProgressChart progress;
    CpuChart cpu;
    progress.setModel(&run.model());
    cpu.setModel(&run.model());
    // Enough reports to make the model thin its series (it halves one at MaxPointsPerSeries) several times,
    // with refreshes in between as the window does them.
    for (int round = 0; round < 20; ++round) {
        run.stream(500);
        progress.refresh();
        cpu.refresh();
    }
    const auto& workers = run.model().workers();
    QVERIFY(workers.first().lanes.first().progress.size() < 20 * 500); // the model did thin
    QCOMPARE(cpu.graphCount(), Workers);
    // The rule: the chart holds exactly the points the model holds, nothing thinned further; drawing picks
    // at most a few points per pixel column from them (QCustomPlot's adaptive sampling, data sorted by time).
    for (const auto& worker : workers) {
        const auto& points = worker.lanes.first().progress;
        QCOMPARE(progress.pointCount(worker.id, 0), int(points.size()));
        auto* graph = progress.plot()->graph(worker.id);
        QVERIFY(graph->adaptiveSampling());
        QCOMPARE((graph->data()->constEnd() - 1)->key, double(points.last().timeNs) / 1e9);
        QCOMPARE((graph->data()->constEnd() - 1)->value, points.last().fraction * 100);
        // One CPU % per pair of consecutive /proc samples.
        QCOMPARE(cpu.plot()->graph(worker.id)->dataCount(), int(worker.samples.size()) - 1);
    }
}

void TestCharts::linesGrowWithTheFont()
{
    SyntheticRun run;
    run.stream(5);
    ProgressChart progress;
    CpuChart cpu;
    StateTimeline timeline;
    for (LiveChart* chart : std::initializer_list<LiveChart*> {&progress, &cpu, &timeline}) {
        chart->setModel(&run.model());
        chart->refresh();
    }
    const double lineWidth = progress.plot()->graph(0)->pen().widthF();
    const double markerSize = dynamic_cast<LaneGraph*>(progress.plot()->graph(0))->endMarkerStyle().size();
    const double cpuWidth = cpu.plot()->graph(0)->pen().widthF();
    const double axisWidth = timeline.plot()->xAxis->basePen().widthF();
    const double scale = progress.styleScale();

    for (LiveChart* chart : std::initializer_list<LiveChart*> {&progress, &cpu, &timeline})
        chart->setFont(doubled(chart->font()));

    // Twice the font's pixel size, twice the scale (give or take the rounding of pixel sizes).
    QVERIFY2(progress.styleScale() >= 1.8 * scale, qPrintable(QString::number(progress.styleScale())));
    const double grown = progress.styleScale() / scale;
    QCOMPARE(progress.plot()->graph(0)->pen().widthF(), lineWidth * grown);
    QCOMPARE(dynamic_cast<LaneGraph*>(progress.plot()->graph(0))->endMarkerStyle().size(), markerSize * grown);
    QCOMPARE(cpu.plot()->graph(0)->pen().widthF(), cpuWidth * grown);
    QCOMPARE(timeline.plot()->xAxis->basePen().widthF(), axisWidth * grown);
    // Lines added after the change get the new width too.
    CpuChart late;
    late.setFont(doubled(late.font()));
    late.setModel(&run.model());
    late.refresh();
    QCOMPARE(late.plot()->graph(0)->pen().widthF(), cpuWidth * grown);
}

void TestCharts::panelsGrowWithTheFont()
{
    SampleLinePanel lock(scenario("lock"));
    SampleLinePanel semaphore(scenario("semaphore"));
    const double lockWidth = lock.plot()->graph(0)->pen().widthF();
    const double semaphoreWidth = semaphore.plot()->graph(0)->pen().widthF();
    lock.setFont(doubled(lock.font()));
    semaphore.setFont(doubled(semaphore.font()));
    QVERIFY(lock.plot()->graph(0)->pen().widthF() >= 1.8 * lockWidth);
    QVERIFY(semaphore.plot()->graph(0)->pen().widthF() >= 1.8 * semaphoreWidth);
}

namespace {
/// Shows @p chart at @p size and lays its plot out; the further replots take in what fitting the plot to
/// its size changed (the tick count moves a step a frame).
void showAt(LiveChart& chart, QSize size)
{
    chart.resize(size);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    for (int i = 0; i < 10; ++i)
        chart.plot()->replot();
}

/// The gap between neighbouring time-axis tick labels, in pixels: negative when they overlap.
int tickLabelGap(const LiveChart& chart)
{
    const QCPAxis* axis = chart.plot()->xAxis;
    const QFontMetrics metrics(axis->tickLabelFont());
    int gap = std::numeric_limits<int>::max();
    const auto ticks = axis->tickVector();
    const auto labels = axis->tickVectorLabels();
    for (qsizetype i = 1; i < ticks.size(); ++i) {
        const double distance = axis->coordToPixel(ticks[i]) - axis->coordToPixel(ticks[i - 1]);
        const int halves = (metrics.horizontalAdvance(labels[i]) + metrics.horizontalAdvance(labels[i - 1])) / 2;
        gap = std::min(gap, int(distance) - halves);
    }
    return gap;
}
} // namespace

void TestCharts::chartTextGrowsLessThanTheFont()
{
    CpuChart chart;
    const QFont base = chart.font();
    const double label = chart.plot()->yAxis->labelFont().pointSizeF() / base.pointSizeF();
    chart.setFont(doubled(base));
    const double largeLabel = chart.plot()->yAxis->labelFont().pointSizeF() / chart.font().pointSizeF();
    // Larger than the font at the usual size; at presentation sizes the font alone is large enough.
    QVERIFY2(label > 1.1, qPrintable(QString::number(label)));
    QCOMPARE(largeLabel, 1.0);
}

void TestCharts::timeTicksFollowTheWidth()
{
    CpuChart chart;
    showAt(chart, {1600, 400});
    const int wide = chart.plot()->xAxis->ticker()->tickCount();
    QVERIFY2(tickLabelGap(chart) > 0, qPrintable(QString::number(tickLabelGap(chart))));
    showAt(chart, {400, 400});
    const int narrow = chart.plot()->xAxis->ticker()->tickCount();
    QVERIFY2(narrow < wide, qPrintable(QStringLiteral("%1 < %2").arg(narrow).arg(wide)));
    QVERIFY2(tickLabelGap(chart) > 0, qPrintable(QString::number(tickLabelGap(chart))));
    // Large type in a narrow chart: still apart.
    chart.setFont(doubled(chart.font()));
    showAt(chart, {300, 400});
    QVERIFY2(tickLabelGap(chart) > 0, qPrintable(QString::number(tickLabelGap(chart))));
}

void TestCharts::legendGivesWayWhenTooWide()
{
    SyntheticRun run(4);
    run.stream(3);
    ProgressChart chart;
    chart.setModel(&run.model());
    chart.refresh();
    showAt(chart, {1800, 500});
    QVERIFY(chart.plot()->legend->visible());
    QVERIFY(chart.plot()->legend->outerRect().width() <= 0.3 * chart.width());
    // Narrower, the same legend would take more than its share: the line-end names remain.
    showAt(chart, {500, 500});
    QVERIFY(!chart.plot()->legend->visible());
    showAt(chart, {1800, 500});
    QVERIFY(chart.plot()->legend->visible());
}

void TestCharts::valueAxisTitleFitsItsAxis()
{
    CpuChart chart;
    showAt(chart, {800, 600});
    const QString full = chart.plot()->yAxis->label();
    chart.setFont(doubled(chart.font()));
    showAt(chart, {800, 160});
    const QString fitted = chart.plot()->yAxis->label();
    QVERIFY2(fitted != full, qPrintable(fitted));
    QVERIFY(
        QFontMetrics(chart.plot()->yAxis->labelFont()).horizontalAdvance(fitted) <= chart.plot()->axisRect()->height());
    showAt(chart, {800, 1000});
    QCOMPARE(chart.plot()->yAxis->label(), full);
}

void TestCharts::lockCallOutStaysInsideThePlot()
{
    RunModel model;
    const qint64 start = monotonicNowNs() - 10'000'000'000;
    model.begin(
        QStringLiteral("lock"), {{QStringLiteral("workers"), 4}, {QStringLiteral("increments"), 100000}}, start);
    model.addRunSample(QStringLiteral("counter"), start + 100'000'000, 50000);
    model.setResult(QJsonObject {{QStringLiteral("counter"), 112152}, {QStringLiteral("lost"), 287848}}, {});
    model.finish(start + 300'000'000, Outcome::Completed);
    SampleLinePanel panel(scenario("lock"));
    panel.setFont(doubled(panel.font()));
    panel.setModel(&model);
    panel.refresh();
    showAt(panel, {420, 300});
    QCPItemText* callOut = nullptr;
    for (int i = 0; i < panel.plot()->itemCount(); ++i) {
        auto* text = qobject_cast<QCPItemText*>(panel.plot()->item(i));
        if (text && text->visible() && text->text().contains(QLatin1String("lost")))
            callOut = text;
    }
    QVERIFY(callOut);
    const QRectF box(callOut->topLeft->pixelPosition(), callOut->bottomRight->pixelPosition());
    QVERIFY2(QRectF(panel.plot()->axisRect()->rect()).contains(box),
        qPrintable(QStringLiteral("%1×%2").arg(box.width()).arg(box.height())));
}

void TestCharts::timingLabelsNeverOverlap()
{
    RunModel model;
    const qint64 start = monotonicNowNs() - 10'000'000'000;
    model.begin(
        QStringLiteral("timing"), {{QStringLiteral("workers"), 4}, {QStringLiteral("iterations"), 1000}}, start);
    QJsonArray modes;
    // As a run measures them: no mode below the ideal (the sequential time over the cores that can work).
    const double ideal = 2.19 / std::clamp(QThread::idealThreadCount(), 1, 4);
    const std::pair<const char*, double> elapsed[]
        = {{"sequential", 2.19}, {"threads", ideal * 1.2}, {"gil", 2.05}, {"processes", ideal * 1.05}};
    for (const auto& [mode, seconds] : elapsed) {
        modes.append(QJsonObject {{QStringLiteral("mode"), QLatin1String(mode)}, {QStringLiteral("completed"), true},
            {QStringLiteral("elapsed_s"), seconds}});
    }
    model.setResult(QJsonObject {{QStringLiteral("modes"), modes}}, {});
    model.finish(start + 300'000'000, Outcome::Completed);
    TimingPanel panel(scenario("timing"));
    panel.setFont(doubled(panel.font()));
    panel.setModel(&model);
    panel.refresh();
    showAt(panel, {520, 360});
    QCPAxis* axis = panel.plot()->xAxis;
    QCOMPARE(axis->tickVector().size(), 4);

    // The mode names: each line within its bar's slot, or slanted.
    const double slot = axis->coordToPixel(1) - axis->coordToPixel(0);
    const QFontMetrics names(axis->tickLabelFont());
    if (axis->tickLabelRotation() == 0) {
        for (const auto& label : axis->tickVectorLabels()) {
            for (const auto& line : label.split(QLatin1Char('\n')))
                QVERIFY2(names.horizontalAdvance(line) < slot, qPrintable(line));
        }
    }
    // The labels in the plot (values above the bars, the ideal): no two touch, all inside the plot.
    QList<QRectF> boxes;
    for (int i = 0; i < panel.plot()->itemCount(); ++i) {
        if (auto* text = qobject_cast<QCPItemText*>(panel.plot()->item(i)))
            boxes.append(QRectF(text->topLeft->pixelPosition(), text->bottomRight->pixelPosition()));
    }
    QCOMPARE(boxes.size(), 5);
    for (qsizetype i = 0; i < boxes.size(); ++i) {
        QVERIFY(QRectF(panel.plot()->axisRect()->rect()).contains(boxes[i]));
        for (qsizetype j = i + 1; j < boxes.size(); ++j)
            QVERIFY2(!boxes[i].intersects(boxes[j]), qPrintable(QStringLiteral("%1 and %2").arg(i).arg(j)));
    }
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
