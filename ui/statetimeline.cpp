// SPDX-License-Identifier: GPL-3.0-or-later
#include "statetimeline.h"

#include "handoffarrows.h"
#include "lanetooltip.h"
#include "model/runmodel.h"
#include "statepalette.h"
#include "timelineplottable.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QToolTip>

#include <numeric>

namespace ProcViz {

namespace {
/// Taller than this share of the chart, the legend would crowd out the lanes.
constexpr double MaxLegendShare = 0.3;
} // namespace

StateTimeline::StateTimeline(QWidget* parent)
    : LiveChart(parent)
    , m_lanes(new TimelinePlottable(plot()->xAxis, plot()->yAxis))
    , m_arrows(new HandoffArrows(plot()->xAxis, plot()->yAxis, m_lanes))
{
    setFocusPolicy(Qt::StrongFocus);
    m_lanes->removeFromLegend();
    m_arrows->removeFromLegend();
    plot()->yAxis->setRangeReversed(true);
    plot()->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot()->yAxis->grid()->setVisible(false);

    // The legend is a row of its own above the lanes, so it never hides one.
    plot()->plotLayout()->insertRow(0);
    plot()->plotLayout()->addElement(0, 0, plot()->legend);
    plot()->plotLayout()->setRowStretchFactor(0, 0.001);
    plot()->legend->setWrap(4);
    plot()->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot()->legend->setVisible(true);
    m_legendShown = true;
    for (int i = 0; i < WorkerStateCount; ++i) {
        auto* swatch = new QCPBars(plot()->xAxis, plot()->yAxis);
        m_swatches.append(swatch);
        swatch->setPen(Qt::NoPen);
        swatch->setBrush(StatePalette::stateColor(WorkerState(i)));
    }
    connect(plot(), &QCustomPlot::mousePress, this, &StateTimeline::onPlotClicked);
    // The tooltip follows the cursor along a lane, rather than waiting for it to rest.
    plot()->setMouseTracking(true);
    connect(plot(), &QCustomPlot::mouseMove, this, &StateTimeline::onPlotHovered);
    plot()->installEventFilter(this);
    clearRun();
    applySeriesStyle();
    retranslate();
}

StateTimeline::~StateTimeline()
{
    // Taken out of the layout, the legend has no owner; deleting it tells the plot.
    if (!m_legendShown)
        delete plot()->legend;
}

void StateTimeline::retranslate()
{
    LiveChart::retranslate();
    setToolTip(tr("Click a lane (or use the Up/Down keys) to select its worker, e.g. to kill it"));
    fitLegend(); // names the states
}

void StateTimeline::setHandoffsShown(bool shown)
{
    if (shown == m_arrows->visible())
        return;
    m_arrows->setVisible(shown);
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

bool StateTimeline::handoffsShown() const
{
    return m_arrows->visible();
}

QString StateTimeline::toolTipAt(const QPointF& pos) const
{
    if (!model())
        return {};
    return LaneToolTip::text(*model(), *m_lanes, m_arrows, pos);
}

int StateTimeline::laneCount() const
{
    return int(m_lanes->rows().size());
}

QString StateTimeline::laneLabel(int row) const
{
    return plot()->yAxis->ticker().staticCast<QCPAxisTickerText>()->ticks().value(row);
}

void StateTimeline::selectWorker(int workerId)
{
    if (workerId == m_selectedWorker)
        return;
    m_selectedWorker = workerId;
    m_lanes->setSelectedWorker(workerId);
    plot()->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT workerSelected(workerId);
}

void StateTimeline::clearRun()
{
    m_lanes->setModel(model());
    m_arrows->setModel(model());
    m_lanes->setRows({});
    selectWorker(-1);
    updateLabels();
}

bool StateTimeline::updateFromModel()
{
    // Lanes only ever get added: while their number stands, nothing needs rebuilding (the bars themselves
    // are read from the model when drawn).
    qsizetype count = 0;
    for (const auto& worker : model()->workers())
        count += std::max<qsizetype>(1, worker.lanes.size());
    if (count == m_lanes->rows().size())
        return true;
    QList<TimelinePlottable::Row> rows;
    rows.reserve(count);
    for (const auto& worker : model()->workers()) {
        for (const auto& lane : worker.lanes)
            rows.append({worker.id, lane.lane});
        if (worker.lanes.isEmpty())
            rows.append({worker.id, 0});
    }
    m_lanes->setRows(rows);
    updateLabels();
    return true;
}

void StateTimeline::updateLabels()
{
    auto ticker = plot()->yAxis->ticker().staticCast<QCPAxisTickerText>();
    ticker->clear();
    const auto& rows = m_lanes->rows();
    // With many lanes only every n-th gets a label, so the labels stay large enough to read.
    const int lineHeight = QFontMetrics(plot()->yAxis->tickLabelFont()).height();
    const int every = std::max(1, int(rows.size() * lineHeight / std::max(1, plot()->axisRect()->height())) + 1);
    for (int row = 0; row < rows.size(); row += every) {
        if (rows[row].workerId >= model()->workers().size())
            break; // rows of a run the model has already forgotten
        const QString label = LaneToolTip::laneName(*model(), model()->workers().at(rows[row].workerId), rows[row].lane, true);
        ticker->addTick(row, label);
    }
    plot()->yAxis->setRange(-0.5, std::max<double>(rows.size(), 1) - 0.5);
}

void StateTimeline::resizeEvent(QResizeEvent* event)
{
    LiveChart::resizeEvent(event);
    fitLegend();
    updateLabels();
}

void StateTimeline::fitLegend()
{
    // As many columns of states as fit whole, from four down to two, each as wide as its widest name (two long
    // names need not force a third row); the brief names where the full ones would take four rows.
    auto* legend = plot()->legend;
    const int room = width() - legend->margins().left() - legend->margins().right() - 4;
    int wrap = 2;
    for (bool brief : {false, true}) {
        QList<int> widths;
        for (int i = 0; i < m_swatches.size(); ++i) {
            m_swatches[i]->setName(StatePalette::stateLabel(WorkerState(i), brief));
            if (QCPLayoutElement* item = legend->itemWithPlottable(m_swatches[i]))
                widths.append(item->minimumOuterSizeHint().width());
        }
        for (wrap = 4; wrap > 2; --wrap) {
            QList<int> columns(wrap, 0);
            for (qsizetype i = 0; i < widths.size(); ++i)
                columns[i % wrap] = std::max(columns[i % wrap], widths[i]);
            const int needed
                = std::accumulate(columns.cbegin(), columns.cend(), 0) + (wrap - 1) * legend->columnSpacing();
            if (needed <= room)
                break;
        }
        if (wrap > 2)
            break;
    }
    if (legend->wrap() != wrap) {
        legend->setWrap(wrap);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true); // re-flows the existing entries
    }
    // In a short chart (a small screen in large type) the lanes come first: the legend gives way, and the
    // tooltip still names the state under the cursor.
    const bool shown = legend->minimumOuterSizeHint().height() <= MaxLegendShare * plot()->height();
    if (shown != m_legendShown) {
        m_legendShown = shown;
        legend->setVisible(shown);
        // A hidden legend still holds its row: take it out so the lanes get the room.
        auto* layout = plot()->plotLayout();
        if (shown) {
            layout->insertRow(0);
            layout->addElement(0, 0, legend);
            layout->setRowStretchFactor(0, 0.001);
        } else {
            layout->take(legend);
            layout->simplify();
        }
    }
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void StateTimeline::applySeriesStyle()
{
    if (!m_lanes)
        return;
    const QColor text = palette().color(QPalette::WindowText);
    const QColor base = palette().color(QPalette::Base);
    m_lanes->setTextColor(text);
    m_lanes->setBackgroundColor(base);
    m_lanes->setFont(font());
    m_lanes->setStyleScale(styleScale());
    m_arrows->setColors(text, base);
    m_arrows->setFont(font());
    m_arrows->setStyleScale(styleScale());
    // Small swatches: seven names must fit in two or three rows above the lanes.
    plot()->legend->setIconSize(qRound(scaled(20)), qRound(scaled(12)));
    fitLegend(); // the names grow with the font
    updateLabels(); // bigger tick labels fit fewer lanes
}

void StateTimeline::onPlotClicked(QMouseEvent* event)
{
    const int row = m_lanes->rowAt(event->position().y());
    if (row >= 0)
        selectWorker(m_lanes->rows().at(row).workerId);
}

void StateTimeline::onPlotHovered(QMouseEvent* event)
{
    if (event->buttons() != Qt::NoButton)
        return; // dragging the time axis
    const QString text = toolTipAt(event->position());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, plot());
}

bool StateTimeline::eventFilter(QObject* watched, QEvent* event)
{
    // Over a lane, the resting cursor keeps the lane's text; elsewhere the chart's own hint shows.
    if (watched == plot() && event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (!text.isEmpty()) {
            QToolTip::showText(help->globalPos(), text, plot());
            return true;
        }
    }
    return LiveChart::eventFilter(watched, event);
}

void StateTimeline::keyPressEvent(QKeyEvent* event)
{
    const auto& rows = m_lanes->rows();
    if ((event->key() != Qt::Key_Up && event->key() != Qt::Key_Down) || rows.isEmpty())
        return LiveChart::keyPressEvent(event);
    int row = 0;
    while (row < rows.size() && rows[row].workerId != m_selectedWorker)
        ++row;
    if (row == rows.size())
        row = 0;
    else
        row = std::clamp(row + (event->key() == Qt::Key_Down ? 1 : -1), 0, int(rows.size()) - 1);
    // Skip the other threads of the same process.
    selectWorker(rows[row].workerId);
}

} // namespace ProcViz
