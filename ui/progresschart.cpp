// SPDX-License-Identifier: GPL-3.0-or-later
#include "progresschart.h"

#include "followstate.h"
#include "model/runmodel.h"
#include "modelabel.h"
#include "telemetry/telemetryrecord.h"

#include <QEvent>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <array>
#include <tuple>

namespace ProcViz {

namespace {
constexpr int LineWidth = 3;
constexpr double MinimumSpanSeconds = 1.0;
constexpr int HeaderPadding = 4;
constexpr size_t MaxLegendEntries = 12;
constexpr int MinimumWidthForLegend = 560;

// Okabe–Ito, ordered so the first colours hold up on a washed-out projector (yellow last); black is left
// out because it is the text colour of a light theme and vanishes on a dark one.
constexpr std::array<QRgb, 7> OkabeIto = {0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0xCC79A7, 0x56B4E9, 0xF0E442};
// Past seven lines in a phase the colours repeat with another dash pattern, so no two lines look alike.
constexpr std::array<Qt::PenStyle, 3> PenStyles = {Qt::SolidLine, Qt::DashLine, Qt::DotLine};

QFont scaledFont(QFont font, double factor)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    return font;
}

QFont headerFont(const QFont& base)
{
    QFont font = scaledFont(base, 1.35);
    font.setBold(true);
    return font;
}
} // namespace

ProgressChart::ProgressChart(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);

    m_plot->setAntialiasedElements(QCP::aeAll);
    m_plot->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_plot->setMinimumSize(200, 120);
    retranslate();
    // A line at exactly 100 % would be half hidden by the frame: leave a little air above and below.
    m_plot->yAxis->setRange(-2, 102);
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(25);
    m_plot->yAxis->setTicker(ticker);
    m_plot->xAxis->setRange(0, MinimumSpanSeconds);
    m_plot->xAxis->ticker()->setTickCount(4);

    // The legend gets a column of its own, top-aligned above a spacer, so it never covers a line however
    // many workers there are.
    auto* legendColumn = new QCPLayoutGrid;
    m_legendColumn = legendColumn;
    m_plot->plotLayout()->addElement(0, 1, legendColumn);
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    legendColumn->addElement(0, 0, m_plot->legend);
    legendColumn->addElement(1, 0, new QCPLayoutElement(m_plot));
    legendColumn->setRowStretchFactor(0, 0.001);
    m_plot->legend->setVisible(true);
    m_plot->legend->setMargins(QMargins(8, 6, 8, 6));

    m_refreshTimer.setInterval(RefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ProgressChart::onTick);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);

    applyStyle();
}

ProgressChart::~ProgressChart()
{
    // Taken out of the layout, the legend's column has no owner; with it goes the legend (which tells the plot).
    if (!m_plot->plotLayout()->hasElement(0, 1))
        delete m_legendColumn;
}

void ProgressChart::setModel(const RunModel* model)
{
    m_model = model;
    clear();
}

void ProgressChart::setFollowState(FollowState* follow)
{
    m_follow = follow;
    // Only a change the user makes stops following; the chart's own updates set m_settingRange.
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
        if (!m_settingRange && m_follow)
            m_follow->setFollowing(false);
        placePhaseHeaders();
    });
    connect(follow, &FollowState::followingChanged, this, [this](bool following) {
        if (following && m_model && !m_model->scenarioId().isEmpty()) {
            followLiveEnd();
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        }
    });
}

void ProgressChart::clear()
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    m_series.clear();
    m_phases.clear();
    m_seenRevision = 0;
    m_seenStartNs = -1;
    m_settingRange = true;
    m_plot->xAxis->setRange(0, MinimumSpanSeconds);
    m_settingRange = false;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    if (m_model)
        m_refreshTimer.start();
    else
        m_refreshTimer.stop();
}

void ProgressChart::refresh()
{
    onTick();
}

void ProgressChart::onTick()
{
    // Before the first run there is nothing to draw; clear() wakes the timer for each new run.
    if (!m_model || m_model->scenarioId().isEmpty()) {
        m_refreshTimer.stop();
        return;
    }
    const bool ended = m_model->endNs() >= 0;
    if (m_model->startNs() != m_seenStartNs) {
        // A new start time means a new run: the old graphs describe another one.
        m_plot->clearGraphs();
        m_plot->clearItems();
        m_series.clear();
        m_phases.clear();
        m_seenStartNs = m_model->startNs();
    } else if (m_model->revision() == m_seenRevision) {
        if (ended)
            m_refreshTimer.stop();
        return;
    }
    m_seenRevision = m_model->revision();

    addMissingPhases();
    addMissingSeries();
    for (auto& series : m_series)
        appendNewPoints(series);
    followLiveEnd();
    m_plot->replot(QCustomPlot::rpQueuedReplot);

    // Once a run has ended and been drawn nothing more arrives.
    if (ended)
        m_refreshTimer.stop();
}

void ProgressChart::addMissingPhases()
{
    const auto& phases = m_model->phases();
    for (auto i = qsizetype(m_phases.size()); i < phases.size(); ++i) {
        PhaseMarker marker;
        marker.startNs = phases.at(i).startNs;
        marker.header = new QCPItemText(m_plot);
        marker.header->setText(modeLabel(phases.at(i).name));
        marker.header->setClipToAxisRect(false);
        marker.header->setPadding(QMargins(HeaderPadding, 0, HeaderPadding, HeaderPadding));
        marker.header->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        marker.header->position->setCoords(double(marker.startNs) / 1e9, 0);
        // The first phase begins at 0 on the axis itself; only later ones need a line to mark their start.
        if (i > 0) {
            marker.separator = new QCPItemStraightLine(m_plot);
            marker.separator->point1->setCoords(double(marker.startNs) / 1e9, 0);
            marker.separator->point2->setCoords(double(marker.startNs) / 1e9, 100);
        }
        applyMarkerStyle(marker);
        m_phases.push_back(marker);
    }
}

void ProgressChart::addMissingSeries()
{
    bool added = false;
    for (const auto& worker : m_model->workers()) {
        for (const auto& lane : worker.lanes) {
            const bool known = std::any_of(m_series.cbegin(), m_series.cend(),
                [&](const Series& s) { return s.workerId == worker.id && s.lane == lane.lane; });
            if (known)
                continue;
            Series series;
            series.workerId = worker.id;
            series.phase = worker.phase;
            series.lane = lane.lane;
            series.graph = m_plot->addGraph();
            m_series.push_back(series);
            added = true;
        }
    }
    if (!added)
        return;
    // Threads report in any order: redo the legend in worker and lane order so it reads like ps.
    std::sort(m_series.begin(), m_series.end(),
        [](const Series& a, const Series& b) { return std::tie(a.workerId, a.lane) < std::tie(b.workerId, b.lane); });
    m_plot->legend->clearItems();
    // Past a dozen lines the legend would crowd out the chart; the timeline's lanes name every PID then.
    updateLegendVisibility();
    int positionInPhase = 0;
    for (size_t i = 0; i < m_series.size(); ++i) {
        positionInPhase = i > 0 && m_series[i].phase == m_series[i - 1].phase ? positionInPhase + 1 : 0;
        m_series[i].graph->setName(seriesName(m_series[i].workerId, m_series[i].lane));
        m_series[i].graph->addToLegend();
        applySeriesStyle(m_series[i], positionInPhase);
    }
}

void ProgressChart::appendNewPoints(Series& series)
{
    const auto& worker = m_model->workers().at(series.workerId);
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
    QList<double> keys;
    QList<double> values;
    keys.reserve(points.size() - series.pointCount);
    values.reserve(points.size() - series.pointCount);
    for (qsizetype i = series.pointCount; i < points.size(); ++i) {
        keys.append(double(points.at(i).timeNs) / 1e9);
        values.append(points.at(i).fraction * 100.0);
    }
    series.graph->addData(keys, values, true);
    series.pointCount = points.size();
    series.lastTimeNs = points.last().timeNs;
}

void ProgressChart::followLiveEnd()
{
    const bool ended = m_model->endNs() >= 0;
    const double end = ended ? double(m_model->endNs()) / 1e9 : m_model->elapsedSeconds(monotonicNowNs());
    // A few percent of headroom so the newest points are not drawn on the frame. While running, a minimum
    // span keeps the first moments from zooming wildly; a finished run fills the width, however short.
    const double span = end * 1.03;
    if (!m_follow || m_follow->isFollowing()) {
        m_settingRange = true;
        m_plot->xAxis->setRange(0, ended && span > 0 ? span : std::max(MinimumSpanSeconds, span));
        m_settingRange = false;
    }
    placePhaseHeaders();
}

void ProgressChart::placePhaseHeaders()
{
    // A phase that has just begun sits at the right edge: its name would run into the legend, so it is
    // right-aligned to the plot until there is room after its start.
    const int right = m_plot->axisRect()->rect().right();
    double previousEnd = -1e9;
    for (const auto& marker : m_phases) {
        const double start = double(marker.startNs) / 1e9;
        const QFontMetrics metrics(marker.header->font());
        const int width = metrics.horizontalAdvance(marker.header->text()) + 2 * HeaderPadding;
        const bool fits = m_plot->xAxis->coordToPixel(start) + width <= right;
        marker.header->position->setTypeX(fits ? QCPItemPosition::ptPlotCoords : QCPItemPosition::ptAxisRectRatio);
        marker.header->position->setCoords(fits ? start : 1.0, 0);
        marker.header->setPositionAlignment(Qt::AlignBottom | (fits ? Qt::AlignLeft : Qt::AlignRight));
        // Names of short phases would pile up on each other: show one only where the last one has ended.
        const double left = fits ? m_plot->xAxis->coordToPixel(start) : right - width;
        marker.header->setVisible(left >= previousEnd);
        if (marker.header->visible())
            previousEnd = left + width;
    }
}

QString ProgressChart::seriesName(int workerId, int lane) const
{
    const auto& worker = m_model->workers().at(workerId);
    const Lane* info = worker.findLane(lane);
    QString name;
    // plannedLanes comes with the worker's first record, so a line's name does not change as lanes appear.
    if (worker.plannedLanes <= 1 && worker.lanes.size() <= 1 && lane == 0)
        name = tr("%1 · PID %2").arg(workerLabel(worker.role, worker.index)).arg(worker.pid);
    else if (info && info->tid != worker.pid)
        name = tr("thread %1 · TID %2 (PID %3)").arg(lane).arg(info->tid).arg(worker.pid);
    else // several units of work done one after another by the process's own main thread
        name = tr("unit %1 · PID %2").arg(lane).arg(worker.pid);
    // In a run of several phases (timing's "all") the same numbers recur: say which phase a line is from.
    if (m_model->phases().size() > 1 && worker.phase < m_model->phases().size())
        name = tr("%1: %2").arg(modeLabel(m_model->phases().at(worker.phase).name), name);
    return name;
}

void ProgressChart::updateLegendVisibility()
{
    // Past a dozen lines, or in a narrow window, the legend would crowd out the chart; the timeline's lane
    // labels name every PID then.
    const bool visible = m_series.size() <= MaxLegendEntries && width() >= MinimumWidthForLegend;
    m_plot->legend->setVisible(visible);
    // A hidden legend still holds its column in the layout: take the column out so the plot gets the room.
    auto* layout = m_plot->plotLayout();
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
    QWidget::resizeEvent(event);
    const bool visible = m_plot->legend->visible();
    updateLegendVisibility();
    if (visible != m_plot->legend->visible())
        m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ProgressChart::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyStyle();
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // Line and phase names were translated when they were added: a new start time makes the next tick
        // build them all again from the model, without touching the time axis.
        m_seenStartNs = -1;
        onTick();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void ProgressChart::retranslate()
{
    m_plot->xAxis->setLabel(tr("time (s)"));
    m_plot->yAxis->setLabel(tr("progress (%)"));
}

void ProgressChart::applyStyle()
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor grid = pal.color(QPalette::Mid);
    const QFont base = font();

    m_plot->setBackground(pal.brush(QPalette::Base));
    m_plot->axisRect()->setBackground(pal.brush(QPalette::Base));
    // Room above the plot for the phase names.
    const int headerHeight = QFontMetrics(headerFont(base)).height() + 2 * HeaderPadding;
    m_plot->axisRect()->setMinimumMargins(QMargins(0, headerHeight, 0, 0));
    for (auto* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setBasePen(QPen(text, 2));
        axis->setTickPen(QPen(text, 2));
        axis->setSubTickPen(QPen(text, 1));
        axis->setLabelColor(text);
        axis->setTickLabelColor(text);
        axis->setLabelFont(scaledFont(base, 1.5));
        axis->setTickLabelFont(scaledFont(base, 1.35));
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    }
    m_plot->legend->setBrush(pal.brush(QPalette::Base));
    m_plot->legend->setBorderPen(QPen(grid, 1));
    m_plot->legend->setTextColor(text);
    m_plot->legend->setFont(scaledFont(base, 1.05));
    int positionInPhase = 0;
    for (size_t i = 0; i < m_series.size(); ++i) {
        positionInPhase = i > 0 && m_series[i].phase == m_series[i - 1].phase ? positionInPhase + 1 : 0;
        applySeriesStyle(m_series[i], positionInPhase);
    }
    for (const auto& marker : m_phases)
        applyMarkerStyle(marker);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ProgressChart::applySeriesStyle(const Series& series, int position)
{
    QColor color = QColor::fromRgb(OkabeIto[size_t(position) % OkabeIto.size()]);
    // The darker Okabe–Ito hues sink into a dark background; lift them without changing the hue.
    if (palette().color(QPalette::Base).lightness() < 128 && color.lightness() < 110)
        color = color.lighter(160);
    QPen pen(color, LineWidth, PenStyles[(size_t(position) / OkabeIto.size()) % PenStyles.size()]);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    series.graph->setPen(pen);
}

void ProgressChart::applyMarkerStyle(const PhaseMarker& marker)
{
    const QColor text = palette().color(QPalette::WindowText);
    marker.header->setColor(text);
    marker.header->setFont(headerFont(font()));
    if (marker.separator)
        marker.separator->setPen(QPen(text, 2, Qt::DashLine));
}

} // namespace ProcViz
