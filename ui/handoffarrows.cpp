// SPDX-License-Identifier: GPL-3.0-or-later
#include "handoffarrows.h"

#include "model/runmodel.h"
#include "timelineplottable.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace ProcViz {

namespace {
constexpr double ArrowSpacing = 10; ///< pixels of time per arrow at most, at the default font
constexpr double SameLabelSpacing = 0.35; ///< the same text is written at most once per this share of the width
constexpr double HeadLength = 7;
constexpr double HeadHalfWidth = 3.5;

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b)
{
    const QPointF ab = b - a;
    const double lengthSquared = QPointF::dotProduct(ab, ab);
    const double t = lengthSquared > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / lengthSquared, 0.0, 1.0) : 0.0;
    const QPointF nearest = a + t * ab;
    return std::hypot(p.x() - nearest.x(), p.y() - nearest.y());
}

bool crosses(const QRectF& rect, const QPointF& a, const QPointF& b)
{
    if (rect.contains(a) || rect.contains(b))
        return true;
    const QLineF line(a, b);
    const QLineF edges[] = {{rect.topLeft(), rect.topRight()}, {rect.topRight(), rect.bottomRight()},
        {rect.bottomRight(), rect.bottomLeft()}, {rect.bottomLeft(), rect.topLeft()}};
    return std::any_of(std::begin(edges), std::end(edges),
        [&](const QLineF& edge) { return line.intersects(edge) == QLineF::BoundedIntersection; });
}
} // namespace

HandoffArrows::HandoffArrows(QCPAxis* keyAxis, QCPAxis* valueAxis, const TimelinePlottable* lanes)
    : QCPAbstractPlottable(keyAxis, valueAxis)
    , m_lanes(lanes)
{
    setSelectable(QCP::stNone);
}

void HandoffArrows::setColors(const QColor& text, const QColor& background)
{
    m_text = text;
    m_background = background;
}

double HandoffArrows::selectTest(const QPointF&, bool, QVariant*) const
{
    return -1;
}

QCPRange HandoffArrows::getKeyRange(bool& foundRange, QCP::SignDomain) const
{
    foundRange = false; // the timeline spans the run
    return {};
}

QCPRange HandoffArrows::getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const
{
    foundRange = false;
    return {};
}

QList<HandoffArrows::Arrow> HandoffArrows::arrows() const
{
    QList<Arrow> arrows;
    if (!m_model || !m_lanes || !mKeyAxis || !mValueAxis)
        return arrows;
    const auto& rows = m_lanes->rows();
    QHash<std::pair<int, int>, int> rowOf;
    for (int row = 0; row < rows.size(); ++row)
        rowOf.insert({rows[row].workerId, rows[row].lane}, row);
    const QRectF clip = clipRect();
    const double spacing = std::max(4.0, ArrowSpacing * m_styleScale);
    // One slot per few pixels of the time axis, by where the arrow ends; the most recent hand-off keeps it.
    QList<qsizetype> bySlot(qsizetype(clip.width() / spacing) + 1, -1);
    const auto& handoffs = m_model->handoffs();
    const auto inside = [&clip](double x) { return x >= clip.left() - 1 && x <= clip.right() + 1; };
    for (qsizetype i = 0; i < handoffs.size(); ++i) {
        const Handoff& handoff = handoffs[i];
        const double given = mKeyAxis->coordToPixel(double(handoff.givenNs) / 1e9);
        const double taken = mKeyAxis->coordToPixel(double(handoff.takenNs) / 1e9);
        if (!inside(given) || !inside(taken))
            continue;
        const auto slot = std::clamp<qsizetype>(qsizetype((taken - clip.left()) / spacing), 0, bySlot.size() - 1);
        if (bySlot[slot] < 0 || handoffs[bySlot[slot]].takenNs <= handoff.takenNs)
            bySlot[slot] = i;
    }
    for (qsizetype i : std::as_const(bySlot)) {
        if (i < 0)
            continue;
        const Handoff& handoff = handoffs[i];
        const int fromRow = rowOf.value({handoff.fromWorker, 0}, -1);
        const int toRow = rowOf.value({handoff.toWorker, handoff.toLane}, -1);
        if (fromRow < 0 || toRow < 0 || fromRow == toRow)
            continue;
        const auto [fromTop, fromBottom] = m_lanes->barExtent(fromRow);
        const auto [toTop, toBottom] = m_lanes->barExtent(toRow);
        const bool down = toTop > fromTop;
        // From the middle of the giver's bar into the near edge of the taker's.
        arrows.append({QPointF(mKeyAxis->coordToPixel(double(handoff.givenNs) / 1e9), (fromTop + fromBottom) / 2),
            QPointF(mKeyAxis->coordToPixel(double(handoff.takenNs) / 1e9), down ? toTop : toBottom), i});
    }
    return arrows;
}

qsizetype HandoffArrows::handoffNear(const QPointF& pos, double distance) const
{
    qsizetype nearest = -1;
    for (const Arrow& arrow : arrows()) {
        const double d = distanceToSegment(pos, arrow.from, arrow.to);
        if (d <= distance) {
            distance = d;
            nearest = arrow.handoff;
        }
    }
    return nearest;
}

void HandoffArrows::draw(QCPPainter* painter)
{
    const QList<Arrow> shown = arrows();
    if (shown.isEmpty())
        return;
    painter->setAntialiasing(true);
    for (const Arrow& arrow : shown)
        drawArrow(painter, arrow);
    m_lanes->drawLabels(painter); // a lane's exit stays readable under the arrows that end there
    drawLabels(painter, shown);
}

void HandoffArrows::drawArrow(QCPPainter* painter, const Arrow& arrow) const
{
    const QPointF along = arrow.to - arrow.from;
    const double length = std::hypot(along.x(), along.y());
    if (length < 1)
        return;
    const QPointF unit = along / length;
    const QPointF normal(-unit.y(), unit.x());
    const double head = std::min(HeadLength * m_styleScale, length * 0.6);
    const double halfWidth = HeadHalfWidth * m_styleScale * head / (HeadLength * m_styleScale);
    const QPointF base = arrow.to - unit * head;
    const QPolygonF tip({arrow.to, base + normal * halfWidth, base - normal * halfWidth});
    const double width = 1.5 * m_styleScale;
    // A halo of the background first, so the arrow stays visible over any state's colour.
    QColor halo = m_background;
    halo.setAlpha(170);
    painter->setPen(QPen(halo, width + 2 * m_styleScale, Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawLine(arrow.from, base);
    painter->setPen(QPen(m_text, width, Qt::SolidLine, Qt::RoundCap));
    painter->drawLine(arrow.from, base);
    painter->setPen(QPen(halo, m_styleScale));
    painter->setBrush(m_text);
    painter->drawPolygon(tip);
    painter->drawEllipse(arrow.from, 2.2 * m_styleScale, 2.2 * m_styleScale);
}

void HandoffArrows::drawLabels(QCPPainter* painter, QList<Arrow> arrows) const
{
    const auto& handoffs = m_model->handoffs();
    // The most recent first: where labels would collide, the newest is the one read.
    std::sort(arrows.begin(), arrows.end(),
        [&](const Arrow& a, const Arrow& b) { return handoffs[a.handoff].takenNs > handoffs[b.handoff].takenNs; });
    QFont font = m_font;
    font.setPointSizeF(font.pointSizeF() * 0.9);
    const QFontMetricsF metrics(font);
    painter->setFont(font);
    const QRectF clip = clipRect();
    QColor veil = m_background;
    veil.setAlpha(215);
    QList<QRectF> taken = m_lanes->labelRects();
    QList<std::pair<QString, double>> written; // text and where, to write a repeated one only now and then
    for (const Arrow& arrow : std::as_const(arrows)) {
        const QString& text = handoffs[arrow.handoff].label;
        if (text.isEmpty())
            continue;
        const QSizeF size(metrics.horizontalAdvance(text) + 6, metrics.height());
        // Where there is room: beside the middle of the arrow, else nearer one of its ends; over no other label
        // or arrow, and not the same text as one close by.
        const auto fits = [&](const QRectF& label) {
            const bool overlaps = std::any_of(
                taken.cbegin(), taken.cend(), [&](const QRectF& other) { return other.intersects(label); });
            const bool hidesArrow = std::any_of(arrows.cbegin(), arrows.cend(), [&](const Arrow& other) {
                return other.handoff != arrow.handoff && crosses(label, other.from, other.to);
            });
            return clip.contains(label) && !overlaps && !hidesArrow;
        };
        const QPointF middle = (arrow.from + arrow.to) / 2;
        const bool repeated = std::any_of(written.cbegin(), written.cend(), [&](const auto& other) {
            return other.first == text && std::abs(other.second - middle.x()) < clip.width() * SameLabelSpacing;
        });
        if (repeated)
            continue;
        // Right of the arrow (left only where the plot ends), so a label is never read as its left neighbour's.
        std::optional<QRectF> placed;
        for (double along : {0.5, 0.3, 0.7}) {
            const QPointF at = arrow.from + (arrow.to - arrow.from) * along;
            const double gap = 3 * m_styleScale;
            QRectF label(QPointF(at.x() + gap, at.y() - size.height() / 2), size);
            if (label.right() > clip.right())
                label.moveRight(at.x() - gap);
            if (!placed && fits(label))
                placed = label;
        }
        if (!placed)
            continue;
        const QRectF label = *placed;
        taken.append(label);
        written.append({text, middle.x()});
        painter->setPen(Qt::NoPen);
        painter->setBrush(veil);
        painter->drawRoundedRect(label, 3, 3);
        painter->setPen(m_text);
        painter->drawText(label, Qt::AlignCenter, text);
    }
}

void HandoffArrows::drawLegendIcon(QCPPainter*, const QRectF&) const { }

} // namespace ProcViz
