// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineplottable.h"

#include "model/runmodel.h"
#include "statepalette.h"

#include <algorithm>
#include <cmath>
#include <csignal>

namespace ProcViz {

namespace {
constexpr double RowFill = 0.8; ///< share of a row's height the bar takes
constexpr double TailFill = 0.4; ///< share of the bar's height the tail after the join takes
constexpr double SmallestTextPixels = 7;

template<typename T> qint64 endOf(const T& stretch, qint64 nowNs)
{
    return stretch.endNs < 0 ? nowNs : stretch.endNs;
}

/// The first of @p items (sorted, not overlapping) that ends after @p timeNs.
template<typename List> auto firstEndingAfter(const List& items, qint64 timeNs, qint64 nowNs)
{
    return std::lower_bound(
        items.cbegin(), items.cend(), timeNs, [nowNs](const auto& item, qint64 t) { return endOf(item, nowNs) <= t; });
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

int TimelinePlottable::rowAt(double y) const
{
    const int row = int(std::lround(mValueAxis->pixelToCoord(y)));
    return row >= 0 && row < m_rows.size() ? row : -1;
}

std::pair<double, double> TimelinePlottable::barExtent(int row) const
{
    const double center = mValueAxis->coordToPixel(row);
    const double rowHeight = std::abs(mValueAxis->coordToPixel(row + 1) - center);
    // Many lanes in a small chart leave a few pixels a row: the bar keeps at least two (scaled) of them,
    // whatever the gap, so a lane never thins to a hairline on a projector.
    const double barHeight = std::min(rowHeight, std::max(rowHeight * RowFill, 2 * m_styleScale));
    return {center - barHeight / 2, center + barHeight / 2};
}

StateShares TimelinePlottable::sharesOf(const StateInterval& interval, qint64 nowNs)
{
    StateShares shares {};
    if (interval.mixed) {
        double sum = 0;
        for (int state = 0; state < MeasuredStateCount; ++state) {
            shares[size_t(state)] = interval.mixNs[size_t(state)];
            sum += shares[size_t(state)];
        }
        if (sum > 0)
            return shares;
    }
    shares[size_t(interval.state)] = double(std::max<qint64>(0, interval.durationNs(nowNs)));
    return shares;
}

StateShares TimelinePlottable::reportedShares(int row, qint64 t0Ns, qint64 t1Ns) const
{
    StateShares shares {};
    if (!m_model || row < 0 || row >= m_rows.size() || m_rows[row].workerId >= m_model->workers().size())
        return shares;
    const Lane* lane = m_model->workers().at(m_rows[row].workerId).findLane(m_rows[row].lane);
    if (!lane)
        return shares;
    const qint64 nowNs = m_model->nowNs();
    for (auto it = firstEndingAfter(lane->states, t0Ns, nowNs); it != lane->states.cend() && it->beginNs < t1Ns; ++it) {
        const qint64 inside = std::min(endOf(*it, nowNs), t1Ns) - std::max(it->beginNs, t0Ns);
        const qint64 duration = it->durationNs(nowNs);
        const double fraction = duration > 0 ? double(inside) / double(duration) : 1.0;
        const auto whole = sharesOf(*it, nowNs);
        for (size_t state = 0; state < shares.size(); ++state)
            shares[state] += whole[state] * fraction;
    }
    return shares;
}

QString TimelinePlottable::exitText(const WorkerInfo& worker)
{
    if (worker.isAlive())
        return {};
    const QString killed = tr("✗ killed (SIGKILL)");
    if (worker.signal)
        return worker.signal == SIGKILL
            ? killed
            : tr("✗ signal %1").arg(*worker.signal);
    if (worker.exitCode)
        return tr("exit %1").arg(*worker.exitCode);
    return worker.killedByUser ? killed : QString();
}

void TimelinePlottable::draw(QCPPainter* painter)
{
    if (!m_model || !mKeyAxis || !mValueAxis)
        return;
    const qint64 nowNs = m_model->nowNs();
    takeTimeScale();
    m_labels.clear();
    painter->setAntialiasing(false);
    for (int row = 0; row < m_rows.size(); ++row)
        drawRow(painter, row, nowNs);
    drawLabels(painter);
}

void TimelinePlottable::takeTimeScale()
{
    Q_ASSERT(mKeyAxis->scaleType() == QCPAxis::stLinear);
    m_pixelAtZero = mKeyAxis->coordToPixel(0);
    const double perSecond = mKeyAxis->coordToPixel(1) - m_pixelAtZero;
    m_pixelsPerNs = perSecond != 0 ? perSecond / 1e9 : 1e-9;
}

QList<QRectF> TimelinePlottable::labelRects() const
{
    QList<QRectF> rects;
    for (const auto& label : m_labels)
        rects.append(label.rect);
    return rects;
}

void TimelinePlottable::drawLabels(QCPPainter* painter) const
{
    QColor veil = m_background;
    veil.setAlpha(210);
    for (const auto& label : m_labels) {
        painter->fillRect(label.rect, veil);
        painter->setFont(label.font);
        painter->setPen(m_textColor);
        painter->drawText(label.rect, Qt::AlignCenter, label.text);
    }
}

void TimelinePlottable::drawRow(QCPPainter* painter, int row, qint64 nowNs)
{
    const auto& workers = m_model->workers();
    if (m_rows[row].workerId >= workers.size())
        return;
    const WorkerInfo& worker = workers.at(m_rows[row].workerId);
    const Lane* lane = worker.findLane(m_rows[row].lane);
    const auto [top, bottom] = barExtent(row);
    const QRectF clip = clipRect();
    if (lane)
        drawReported(painter, *lane, top, bottom, nowNs);
    // What the engine saw covers the whole process, but a lane only from its own start.
    const qint64 laneBegin = worker.laneBeginNs(lane);
    drawEngineStates(painter, worker, laneBegin, top, bottom, nowNs);
    if (!worker.isAlive()) {
        // Joined: the process is gone. A thin grey band, not a state, runs on to the end of the run.
        const int x0 = int(std::lround(std::max(pixel(worker.endNs), clip.left())));
        const int x1 = int(std::lround(std::min(pixel(nowNs), clip.right())));
        const double band = std::max(1.0, (bottom - top) * TailFill);
        const double center = (top + bottom) / 2;
        if (x1 > x0)
            painter->fillRect(QRectF(x0, std::round(center - band / 2), x1 - x0, std::round(band)),
                StatePalette::stateColor(WorkerState::Done));
    }
    const qsizetype labelsBefore = m_labels.size();
    if (row == 0 || m_rows[row - 1].workerId != m_rows[row].workerId)
        drawExit(worker, row, top, bottom);
    if (lane)
        drawTasks(painter, *lane, top, bottom, nowNs, m_labels.size() > labelsBefore ? m_labels.last().rect : QRectF());
    if (m_rows[row].workerId == m_selectedWorker) {
        painter->setPen(QPen(m_textColor, 3 * m_styleScale, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(QRectF(clip.left() + 1, top - 2, clip.width() - 2, bottom - top + 4));
    }
}

void TimelinePlottable::drawReported(QCPPainter* painter, const Lane& lane, double top, double bottom, qint64 nowNs)
{
    const auto& states = lane.states;
    const QRectF clip = clipRect();
    const double left = clip.left() - 1;
    const double right = clip.right() + 1;
    LaneBarPainter bar(painter, top, bottom);
    auto it = firstEndingAfter(states, nsAt(clip.left()), nowNs);
    while (it != states.cend()) {
        const double x0 = pixel(it->beginNs);
        if (x0 > clip.right())
            break;
        const double x1 = pixel(endOf(*it, nowNs));
        if (x1 - x0 >= 1) {
            bar.addWide(std::max(x0, left), std::min(x1, right), sharesOf(*it, nowNs));
            ++it;
            continue;
        }
        // This interval and every one after it that ends in the same pixel column are summed into the column
        // without pixel arithmetic: at 1 px ≈ 3 ms a lock run has hundreds a column, and it shows their mix.
        const int column = int(std::floor(std::max(x0, left)));
        const qint64 columnEndNs = nsAt(column + 1);
        std::array<qint64, WorkerStateCount> sum {};
        do {
            if (it->mixed) {
                for (int state = 0; state < MeasuredStateCount; ++state)
                    sum[size_t(state)] += it->mixNs[size_t(state)];
            } else {
                sum[size_t(it->state)] += it->durationNs(nowNs);
            }
            ++it;
        } while (it != states.cend() && endOf(*it, nowNs) <= columnEndNs);
        StateShares shares;
        std::copy(sum.cbegin(), sum.cend(), shares.begin());
        bar.addToColumn(column, shares);
    }
}

void TimelinePlottable::drawEngineStates(
    QCPPainter* painter, const WorkerInfo& worker, qint64 fromNs, double top, double bottom, qint64 nowNs)
{
    const QRectF clip = clipRect();
    for (const auto& seen : worker.engineStates) {
        const qint64 begin = std::max(seen.beginNs, fromNs);
        const qint64 end = endOf(seen, nowNs);
        if (end <= begin)
            continue;
        // Rounded, not widened: a zombie joined within microseconds does not paint a pixel of its own.
        const int x0 = int(std::lround(std::max(pixel(begin), clip.left() - 1)));
        const int x1 = int(std::lround(std::min(pixel(end), clip.right() + 1)));
        if (x1 > x0)
            painter->fillRect(QRectF(x0, std::round(top), x1 - x0, std::round(bottom) - std::round(top)),
                StatePalette::stateColor(seen.state));
    }
}

std::optional<QFont> TimelinePlottable::fontFitting(double height, double factor) const
{
    QFont font = m_font;
    font.setPointSizeF(font.pointSizeF() * factor);
    const double natural = QFontMetricsF(font).height();
    if (natural > height) {
        if (height < SmallestTextPixels)
            return std::nullopt;
        font.setPointSizeF(font.pointSizeF() * height / natural);
    }
    return font;
}

void TimelinePlottable::drawTasks(
    QCPPainter* painter, const Lane& lane, double top, double bottom, qint64 nowNs, const QRectF& exitLabel)
{
    if (lane.spans.isEmpty())
        return;
    const QRectF clip = clipRect();
    const auto font = fontFitting(bottom - top - 2, 0.9);
    const QFontMetricsF metrics(font.value_or(m_font));
    if (font)
        painter->setFont(*font);
    const double line = std::max(1.0, std::round(m_styleScale));
    QColor veil = m_background;
    veil.setAlpha(190);
    double lastRight = -1; // right edge of the last box drawn: boxes narrower than a few pixels are skipped
    for (auto it = firstEndingAfter(lane.spans, nsAt(clip.left()), nowNs); it != lane.spans.cend(); ++it) {
        const double x0 = std::round(pixel(it->beginNs));
        if (x0 > clip.right())
            break;
        const double x1 = std::round(pixel(endOf(*it, nowNs)));
        if (x1 - x0 < 4 * line || x1 <= lastRight)
            continue;
        lastRight = x1;
        // Outlines alternate dark and light, so two tasks back to back are two boxes, not one.
        const QRectF box(
            QPointF(x0 + line / 2, std::round(top) + line / 2), QPointF(x1 - line / 2, std::round(bottom) - line / 2));
        painter->setPen(QPen(it->index % 2 == 0 ? m_textColor : m_background, line));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(box);
        const QString text = QString::number(it->index);
        const QRectF visible = box.intersected(clip);
        const double width = metrics.horizontalAdvance(text) + 4;
        if (!font || visible.width() < width + 2 * line)
            continue;
        QRectF label(0, 0, width, metrics.height());
        label.moveCenter(visible.center());
        if (label.intersects(exitLabel))
            continue;
        painter->fillRect(label, veil);
        painter->setPen(m_textColor);
        painter->drawText(label, Qt::AlignCenter, text);
    }
}

void TimelinePlottable::drawExit(const WorkerInfo& worker, int row, double top, double bottom)
{
    const QString text = exitText(worker);
    if (text.isEmpty())
        return;
    // Inside its own bar, so it never reaches the next lane, and lower than the bar, so that where it has to
    // sit over the lane's last moments (a zombie, say) their colour still shows above and below it.
    const double center = (top + bottom) / 2;
    const double rowHeight = std::abs(mValueAxis->coordToPixel(row + 1) - mValueAxis->coordToPixel(row));
    const auto font = fontFitting(std::min(rowHeight, (bottom - top) * 0.75), 0.85);
    if (!font)
        return;
    const QFontMetricsF metrics(*font);
    const QRectF clip = clipRect();
    const double x = pixel(worker.endNs);
    QRectF label(x + 4, center - metrics.height() / 2, metrics.horizontalAdvance(text) + 6, metrics.height());
    // Beside the lane's end, on the grey tail; where the run ends there, over the lane's last moments, unless
    // it would hide most of a zombie: the state is the lesson, the exit code is in the checks too.
    if (label.right() > clip.right()) {
        label.moveRight(x - 4);
        const auto& seen = worker.engineStates;
        if (!seen.isEmpty() && seen.last().state == WorkerState::Zombie) {
            const double zombieLeft = pixel(seen.last().beginNs);
            const double hidden = std::min(label.right(), x) - std::max(label.left(), zombieLeft);
            if (hidden > (x - zombieLeft) / 2)
                return;
        }
    }
    if (label.left() < clip.left() || x < clip.left() || x > clip.right())
        return;
    m_labels.append({label, text, *font}); // drawn after every row, and again over the hand-off arrows
}

void TimelinePlottable::drawLegendIcon(QCPPainter*, const QRectF&) const { }

} // namespace ProcViz
