// SPDX-License-Identifier: GPL-3.0-or-later
#include "progresschart.h"

#include "laneendmarkers.h"
#include "lanegraph.h"
#include "model/runmodel.h"
#include "statepalette.h"

#include <qcustomplot.h>

#include <algorithm>
#include <array>
#include <tuple>

namespace ProcViz {

namespace {
constexpr double LineWidth = 3;
constexpr double MarkerSize = 11;
constexpr int HeaderPadding = 4;
constexpr size_t MaxLegendEntries = 12;
/// Wider than this share of the chart, the legend would crowd the lines and cover the phase names.
constexpr double MaxLegendShare = 0.3;
constexpr double HeaderFactor = 1.35;
/// Past the colours, the next seven lines of a phase get the next shape: filled ones first, which read
/// best when small, then the outlines. Ten shapes times seven colours: 70 lines without two alike.
constexpr std::array<QCPScatterStyle::ScatterShape, 10> MarkerShapes
    = {QCPScatterStyle::ssCircle, QCPScatterStyle::ssSquare, QCPScatterStyle::ssDiamond, QCPScatterStyle::ssTriangle,
        QCPScatterStyle::ssTriangleInverted, QCPScatterStyle::ssCross, QCPScatterStyle::ssPlus, QCPScatterStyle::ssStar,
        QCPScatterStyle::ssCrossSquare, QCPScatterStyle::ssPlusCircle};

QFont bold(QFont font)
{
    font.setBold(true);
    return font;
}
} // namespace

ProgressChart::ProgressChart(QWidget* parent)
    : LiveChart(parent)
{
    retranslate();
    // A line at exactly 100 % would be half hidden by the frame: leave a little air above and below.
    plot()->yAxis->setRange(-2, 102);
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(25);
    plot()->yAxis->setTicker(ticker);

    // The markers go on a layer of their own above the lines, so no line is drawn over them.
    plot()->addLayer(QStringLiteral("laneEnds"), plot()->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_endMarkers = new LaneEndMarkers(plot()->xAxis, plot()->yAxis);
    m_endMarkers->setLayer(QStringLiteral("laneEnds"));
    m_endMarkers->removeFromLegend();

    // The legend gets a column of its own, top-aligned above a spacer, so it never covers a line however
    // many workers there are.
    m_legendColumn = new QCPLayoutGrid;
    plot()->plotLayout()->addElement(0, 1, m_legendColumn);
    plot()->plotLayout()->setColumnStretchFactor(1, 0.001);
    m_legendColumn->addElement(0, 0, plot()->legend);
    m_legendColumn->addElement(1, 0, new QCPLayoutElement(plot()));
    m_legendColumn->setRowStretchFactor(0, 0.001);
    plot()->legend->setVisible(true);
    plot()->legend->setMargins(QMargins(8, 6, 8, 6));

    // Where a phase's name fits depends on the range (zoom, drag, the live end) and on the plot's size:
    // placed after each replot's layout step, both are current and the names are drawn in the same pass.
    connect(plot(), &QCustomPlot::afterLayout, this, &ProgressChart::placePhaseHeaders);
    applySeriesStyle();
}

ProgressChart::~ProgressChart()
{
    // Taken out of the layout, the legend's column has no owner; with it goes the legend (which tells the plot).
    if (!plot()->plotLayout()->hasElement(0, 1))
        delete m_legendColumn;
}

int ProgressChart::pointCount(int workerId, int lane) const
{
    for (const auto& series : m_series) {
        if (series.workerId == workerId && series.lane == lane)
            return series.graph->dataCount();
    }
    return 0;
}

void ProgressChart::clearRun()
{
    m_endMarkers->setGraphs({});
    plot()->clearGraphs();
    plot()->clearItems();
    m_series.clear();
    m_phases.clear();
}

bool ProgressChart::updateFromModel()
{
    addMissingPhases();
    addMissingSeries();
    for (auto& series : m_series)
        appendNewPoints(series);
    return true;
}

void ProgressChart::addMissingPhases()
{
    const auto& phases = model()->phases();
    if (qsizetype(m_phases.size()) == phases.size())
        return;
    for (auto i = qsizetype(m_phases.size()); i < phases.size(); ++i) {
        PhaseMarker marker;
        marker.startNs = phases.at(i).startNs;
        marker.header = new QCPItemText(plot());
        marker.header->setText(phaseName(phases.at(i).name));
        marker.header->setClipToAxisRect(false);
        marker.header->setPadding(QMargins(HeaderPadding, 0, HeaderPadding, HeaderPadding));
        marker.header->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        marker.header->position->setCoords(double(marker.startNs) / 1e9, 0);
        // The first phase begins at 0 on the axis itself; only later ones need a line to mark their start.
        if (i > 0) {
            marker.separator = new QCPItemStraightLine(plot());
            marker.separator->point1->setCoords(double(marker.startNs) / 1e9, 0);
            marker.separator->point2->setCoords(double(marker.startNs) / 1e9, 100);
        }
        styleMarker(marker);
        m_phases.push_back(marker);
    }
}

void ProgressChart::addMissingSeries()
{
    bool added = false;
    for (const auto& worker : model()->workers()) {
        for (const auto& lane : worker.lanes) {
            const bool known = std::any_of(m_series.cbegin(), m_series.cend(),
                [&](const Series& s) { return s.workerId == worker.id && s.lane == lane.lane; });
            if (known)
                continue;
            Series series;
            series.workerId = worker.id;
            series.phase = worker.phase;
            series.lane = lane.lane;
            series.graph = new LaneGraph(plot()->xAxis, plot()->yAxis);
            m_series.push_back(series);
            added = true;
        }
    }
    if (!added)
        return;
    // Threads report in any order: redo the legend in worker and lane order so it reads like ps.
    std::sort(m_series.begin(), m_series.end(),
        [](const Series& a, const Series& b) { return std::tie(a.workerId, a.lane) < std::tie(b.workerId, b.lane); });
    plot()->legend->clearItems();
    // Past a dozen lines the legend stays hidden: entries nobody sees need not be made (nor laid out).
    const bool listed = m_series.size() <= MaxLegendEntries;
    QList<LaneGraph*> graphs;
    int positionInPhase = 0;
    for (size_t i = 0; i < m_series.size(); ++i) {
        positionInPhase = i > 0 && m_series[i].phase == m_series[i - 1].phase ? positionInPhase + 1 : 0;
        m_series[i].graph->setName(seriesName(m_series[i].workerId, m_series[i].lane));
        m_series[i].graph->setEndLabel(shortName(m_series[i].workerId, m_series[i].lane));
        if (listed)
            m_series[i].graph->addToLegend();
        styleSeries(m_series[i], positionInPhase);
        graphs.append(m_series[i].graph);
    }
    m_endMarkers->setGraphs(graphs);
    // Whether the legend fits depends on its entries' widths.
    updateLegendVisibility();
}

void ProgressChart::appendNewPoints(Series& series)
{
    const auto& worker = model()->workers().at(series.workerId);
    const Lane* lane = worker.findLane(series.lane);
    if (!lane)
        return;
    const auto& points = lane->progress;
    // The model halves a series that reaches its cap; then the points we hold no longer line up.
    const bool thinned = points.size() < series.pointCount
        || (series.pointCount > 0 && points.at(series.pointCount - 1).timeNs != series.lastTimeNs);
    if (thinned) {
        series.graph->data()->clear();
        series.pointCount = 0;
    }
    if (points.size() == series.pointCount)
        return;
    // Appended in time order straight into the graph's container: no temporary lists, no re-sorting.
    auto data = series.graph->data();
    for (qsizetype i = series.pointCount; i < points.size(); ++i)
        data->add(QCPGraphData(double(points.at(i).timeNs) / 1e9, points.at(i).fraction * 100.0));
    series.pointCount = points.size();
    series.lastTimeNs = points.last().timeNs;
}

void ProgressChart::placePhaseHeaders()
{
    // A phase that has just begun sits at the right edge: its name would run into the legend, so it is
    // right-aligned to the plot until there is room after its start.
    const int right = plot()->axisRect()->rect().right();
    double previousEnd = -1e9;
    for (const auto& marker : m_phases) {
        const double start = double(marker.startNs) / 1e9;
        const int width = marker.width;
        const bool fits = plot()->xAxis->coordToPixel(start) + width <= right;
        marker.header->position->setTypeX(fits ? QCPItemPosition::ptPlotCoords : QCPItemPosition::ptAxisRectRatio);
        marker.header->position->setCoords(fits ? start : 1.0, 0);
        marker.header->setPositionAlignment(Qt::AlignBottom | (fits ? Qt::AlignLeft : Qt::AlignRight));
        // Names of short phases would pile up on each other: show one only where the last one has ended.
        const double left = fits ? plot()->xAxis->coordToPixel(start) : right - width;
        marker.header->setVisible(left >= previousEnd);
        if (marker.header->visible())
            previousEnd = left + width;
    }
}

QString ProgressChart::seriesName(int workerId, int lane) const
{
    const auto& worker = model()->workers().at(workerId);
    const Lane* info = worker.findLane(lane);
    QString name;
    // plannedLanes comes with the worker's first record, so a line's name does not change as lanes appear.
    if (worker.plannedLanes <= 1 && worker.lanes.size() <= 1 && lane == 0)
        name = tr("%1 · PID %2").arg(workerName(worker)).arg(worker.pid);
    else if (info && info->tid != worker.pid)
        name = tr("thread %1 · TID %2 (PID %3)").arg(lane).arg(info->tid).arg(worker.pid);
    else // several units of work done one after another by the process's own main thread
        name = tr("unit %1 · PID %2").arg(lane).arg(worker.pid);
    // In a run of several phases (timing's "all") the same numbers recur: say which phase a line is from.
    if (model()->phases().size() > 1 && worker.phase < model()->phases().size())
        name = tr("%1: %2").arg(phaseName(model()->phases().at(worker.phase).name), name);
    return name;
}

QString ProgressChart::shortName(int workerId, int lane) const
{
    // A few characters each, beside 64 markers: "w12" for a process, "t3" for a thread, "u5" for a unit of
    // work done in turn by one process. The legend and the timeline give the full names and PIDs.
    const auto& worker = model()->workers().at(workerId);
    const Lane* info = worker.findLane(lane);
    if (worker.plannedLanes <= 1 && worker.lanes.size() <= 1 && lane == 0)
        return workerName(worker, true);
    if (info && info->tid != worker.pid)
        return tr("t%1").arg(lane);
    return tr("u%1").arg(lane);
}

void ProgressChart::updateLegendVisibility()
{
    // Past a dozen lines, or when it would take too much of the width (a narrow window, large type), the
    // legend would crowd out the chart; the line-end names and the timeline's lane labels name every PID then.
    bool visible = m_series.size() <= MaxLegendEntries;
    if (visible && plot()->legend->itemCount() > 0)
        visible = plot()->legend->minimumOuterSizeHint().width() <= MaxLegendShare * width();
    plot()->legend->setVisible(visible);
    // A hidden legend still holds its column in the layout: take the column out so the plot gets the room.
    auto* layout = plot()->plotLayout();
    const bool placed = layout->hasElement(0, 1);
    if (visible && !placed) {
        layout->addElement(0, 1, m_legendColumn);
        layout->setColumnStretchFactor(1, 0.001);
    } else if (!visible && placed) {
        layout->take(m_legendColumn);
        layout->simplify();
    }
}

void ProgressChart::resizeEvent(QResizeEvent* event)
{
    LiveChart::resizeEvent(event);
    const bool visible = plot()->legend->visible();
    updateLegendVisibility();
    if (visible != plot()->legend->visible())
        plot()->replot(QCustomPlot::rpQueuedReplot);
}

void ProgressChart::retranslate()
{
    LiveChart::retranslate();
    setValueAxisLabel(tr("progress (%)"), tr("progress"));
}

void ProgressChart::applySeriesStyle()
{
    const QPalette pal = palette();
    // Room above the plot for the phase names.
    const int headerHeight = QFontMetrics(bold(chartFont(HeaderFactor))).height() + 2 * HeaderPadding;
    plot()->axisRect()->setMinimumMargins(QMargins(0, headerHeight, 0, 0));
    m_endMarkers->setLabelFont(font());
    m_endMarkers->setLabelColors(pal.color(QPalette::WindowText), pal.color(QPalette::Base));
    int positionInPhase = 0;
    for (size_t i = 0; i < m_series.size(); ++i) {
        positionInPhase = i > 0 && m_series[i].phase == m_series[i - 1].phase ? positionInPhase + 1 : 0;
        styleSeries(m_series[i], positionInPhase);
    }
    for (auto& marker : m_phases)
        styleMarker(marker);
    // The legend's font has just changed with the widget's: whether it fits may have changed with it.
    updateLegendVisibility();
}

void ProgressChart::styleSeries(const Series& series, int position)
{
    const QColor base = palette().color(QPalette::Base);
    // Solid only: a dash pattern would take QCustomPlot off its fast line drawing (see LiveChart).
    series.graph->setPen(QPen(StatePalette::seriesColor(position, base), scaled(LineWidth)));
    series.graph->setEndMarker(MarkerShapes[size_t(position / StatePalette::SeriesColorCount) % MarkerShapes.size()],
        scaled(MarkerSize), base);
}

void ProgressChart::styleMarker(PhaseMarker& marker)
{
    const QColor text = palette().color(QPalette::WindowText);
    marker.header->setColor(text);
    marker.header->setFont(bold(chartFont(HeaderFactor)));
    marker.width = QFontMetrics(marker.header->font()).horizontalAdvance(marker.header->text()) + 2 * HeaderPadding;
    if (marker.separator)
        marker.separator->setPen(QPen(text, scaled(2), Qt::DashLine));
}

} // namespace ProcViz
