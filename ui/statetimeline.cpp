// SPDX-License-Identifier: GPL-3.0-or-later
#include "statetimeline.h"

#include "model/runmodel.h"
#include "modelabel.h"
#include "statepalette.h"
#include "timelineplottable.h"

#include <QKeyEvent>

namespace ProcViz {

StateTimeline::StateTimeline(QWidget* parent)
    : LiveChart(parent)
    , m_lanes(new TimelinePlottable(plot()->xAxis, plot()->yAxis))
{
    setFocusPolicy(Qt::StrongFocus);
    m_lanes->removeFromLegend();
    plot()->yAxis->setRangeReversed(true);
    plot()->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot()->yAxis->grid()->setVisible(false);

    // The legend is a row of its own above the lanes, so it never hides one.
    plot()->plotLayout()->insertRow(0);
    plot()->plotLayout()->addElement(0, 0, plot()->legend);
    plot()->plotLayout()->setRowStretchFactor(0, 0.001);
    plot()->legend->setWrap(3);
    plot()->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot()->legend->setVisible(true);
    for (int i = 0; i < WorkerStateCount; ++i) {
        auto* swatch = new QCPBars(plot()->xAxis, plot()->yAxis);
        m_swatches.append(swatch);
        swatch->setPen(Qt::NoPen);
        swatch->setBrush(StatePalette::stateColor(WorkerState(i)));
    }
    connect(plot(), &QCustomPlot::mousePress, this, &StateTimeline::onPlotClicked);
    clearRun();
    applySeriesStyle();
    retranslate();
}

void StateTimeline::retranslate()
{
    LiveChart::retranslate();
    setToolTip(tr("Click a lane (or use the Up/Down keys) to select its worker, e.g. to kill it"));
    for (int i = 0; i < m_swatches.size(); ++i)
        m_swatches[i]->setName(StatePalette::stateLabel(WorkerState(i)));
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
        const auto& worker = model()->workers().at(rows[row].workerId);
        const Lane* lane = worker.findLane(rows[row].lane);
        const QString name = workerLabel(worker.role, worker.index, true);
        QString label;
        if (lane && lane->tid != worker.pid && lane->tid != 0)
            label = tr("%1 · TID %2").arg(name).arg(lane->tid);
        else if (worker.plannedLanes > 1 || worker.lanes.size() > 1) // units done one after another
            label = tr("%1 · unit %2 · PID %3").arg(name).arg(rows[row].lane).arg(worker.pid);
        else
            label = tr("%1 · PID %2").arg(name).arg(worker.pid);
        ticker->addTick(row, label);
    }
    plot()->yAxis->setRange(-0.5, std::max<double>(rows.size(), 1) - 0.5);
}

void StateTimeline::resizeEvent(QResizeEvent* event)
{
    LiveChart::resizeEvent(event);
    // Two columns of states when narrow, so each name stays whole.
    const int wrap = width() >= 640 ? 3 : 2;
    if (plot()->legend->wrap() != wrap) {
        plot()->legend->setWrap(wrap);
        plot()->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true); // re-flows the existing entries
        plot()->replot(QCustomPlot::rpQueuedReplot);
    }
    updateLabels();
}

void StateTimeline::applySeriesStyle()
{
    if (!m_lanes)
        return;
    m_lanes->setTextColor(palette().color(QPalette::WindowText));
    m_lanes->setFont(font());
    m_lanes->setStyleScale(styleScale());
    updateLabels(); // bigger tick labels fit fewer lanes
}

void StateTimeline::onPlotClicked(QMouseEvent* event)
{
    const int row = int(std::lround(plot()->yAxis->pixelToCoord(event->position().y())));
    if (row >= 0 && row < m_lanes->rows().size())
        selectWorker(m_lanes->rows().at(row).workerId);
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
