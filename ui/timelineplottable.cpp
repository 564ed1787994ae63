// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineplottable.h"

#include "model/runmodel.h"
#include "statepalette.h"
#include "telemetry/telemetryrecord.h"

#include <algorithm>
#include <cmath>
#include <csignal>

namespace ProcViz {

namespace {
constexpr double RowFill = 0.8; ///< share of a row's height the bar takes

qint64 endOf(const StateInterval& interval, qint64 nowNs)
{
    return interval.endNs < 0 ? nowNs : interval.endNs;
}
} // namespace

TimelinePlottable::TimelinePlottable(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis)
{
    setSelectable(QCP::stNone);
}

double TimelinePlottable::selectTest(const QPointF&, bool, QVariant*) const
{
    return -1;
}

QCPRange TimelinePlottable::getKeyRange(bool& foundRange, QCP::SignDomain) const
{
    foundRange = m_model != nullptr;
    return QCPRange(0, m_model ? double(std::max<qint64>(m_model->endNs(), 0)) / 1e9 : 1);
}

QCPRange TimelinePlottable::getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const
{
    foundRange = true;
    return QCPRange(-0.5, std::max<double>(m_rows.size(), 1) - 0.5);
}

void TimelinePlottable::draw(QCPPainter* painter)
{
    if (!m_model || !mKeyAxis || !mValueAxis)
        return;
    const qint64 nowNs = m_model->endNs() >= 0 ? m_model->endNs() : m_model->relative(monotonicNowNs());
    painter->setAntialiasing(false);
    for (int row = 0; row < m_rows.size(); ++row)
        drawRow(painter, row, nowNs);
}

void TimelinePlottable::drawRow(QCPPainter* painter, int row, qint64 nowNs)
{
    const auto& workers = m_model->workers();
    if (m_rows[row].workerId >= workers.size())
        return;
    const WorkerInfo& worker = workers.at(m_rows[row].workerId);
    const Lane* lane = worker.findLane(m_rows[row].lane);
    const double center = mValueAxis->coordToPixel(row);
    const double rowHeight = std::abs(mValueAxis->coordToPixel(row + 1) - center);
    // Many lanes in a small chart leave a few pixels a row: the bar keeps at least two (scaled) of them,
    // whatever the gap, so a lane never thins to a hairline on a projector.
    const double barHeight = std::min(rowHeight, std::max(rowHeight * RowFill, 2 * m_styleScale));
    const double top = center - barHeight / 2;
    const double bottom = center + barHeight / 2;
    const QRectF clip = clipRect();
    if (lane) {
        const auto& states = lane->states;
        const double visibleStart = mKeyAxis->pixelToCoord(clip.left()) * 1e9;
        auto it = std::lower_bound(states.cbegin(), states.cend(), qint64(visibleStart),
            [nowNs](const StateInterval& s, qint64 t) { return endOf(s, nowNs) < t; });
        while (it != states.cend()) {
            const double x0 = mKeyAxis->coordToPixel(double(it->beginNs) / 1e9);
            if (x0 > clip.right())
                break;
            const double x1 = mKeyAxis->coordToPixel(double(endOf(*it, nowNs)) / 1e9);
            painter->fillRect(QRectF(QPointF(x0, top), QPointF(std::max(x1, x0 + 1), bottom)).normalized(),
                StatePalette::stateColor(it->state));
            if (x1 - x0 >= 1) {
                ++it;
                continue;
            }
            // Everything ending inside this pixel column is hidden under what was just painted.
            const auto nextColumnNs = qint64(mKeyAxis->pixelToCoord(std::floor(x0) + 1) * 1e9);
            it = std::lower_bound(it + 1, states.cend(), nextColumnNs,
                [nowNs](const StateInterval& s, qint64 t) { return endOf(s, nowNs) < t; });
        }
    }
    if (worker.signal || (worker.killedByUser && !worker.isAlive())) {
        const double x = mKeyAxis->coordToPixel(double(worker.endNs) / 1e9);
        const QString text = worker.signal == SIGKILL
            ? QCoreApplication::translate("ProcViz::StateTimeline", "✗ killed (SIGKILL)")
            : QCoreApplication::translate("ProcViz::StateTimeline", "✗ signal %1").arg(worker.signal.value_or(0));
        painter->setPen(QPen(m_textColor));
        painter->setFont(m_font);
        painter->drawText(QRectF(x + 4, top, 400, bottom - top), Qt::AlignVCenter | Qt::AlignLeft, text);
    }
    if (m_rows[row].workerId == m_selectedWorker) {
        painter->setPen(QPen(m_textColor, 3 * m_styleScale, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(QRectF(clip.left() + 1, top - 2, clip.width() - 2, bottom - top + 4));
    }
}

void TimelinePlottable::drawLegendIcon(QCPPainter*, const QRectF&) const { }

} // namespace ProcViz
