// SPDX-License-Identifier: GPL-3.0-or-later
#include "laneendmarkers.h"

#include "lanegraph.h"

namespace ProcViz {

LaneEndMarkers::LaneEndMarkers(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis)
{
    setSelectable(QCP::stNone);
}

void LaneEndMarkers::setLabelColors(const QColor& text, const QColor& background)
{
    m_text = text;
    m_background = background;
}

void LaneEndMarkers::setLabelFont(const QFont& font)
{
    m_font = font;
    m_texts.clear();
}

const QStaticText& LaneEndMarkers::laidOut(const QString& label)
{
    auto it = m_texts.find(label);
    if (it == m_texts.end()) {
        it = m_texts.insert(label, QStaticText(label));
        it->setTextFormat(Qt::PlainText);
        it->prepare(QTransform(), m_font);
    }
    return *it;
}

double LaneEndMarkers::selectTest(const QPointF&, bool, QVariant*) const
{
    return -1;
}

QCPRange LaneEndMarkers::getKeyRange(bool& foundRange, QCP::SignDomain) const
{
    foundRange = false; // the graphs themselves span the data
    return {};
}

QCPRange LaneEndMarkers::getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const
{
    foundRange = false;
    return {};
}

void LaneEndMarkers::draw(QCPPainter* painter)
{
    if (!mKeyAxis || !mValueAxis)
        return;
    const QRectF clip = clipRect();
    // Every marker first, then the names over them: a name is never half covered by the next marker.
    QList<std::pair<const LaneGraph*, QPointF>> shown;
    shown.reserve(m_graphs.size());
    painter->setAntialiasing(true);
    for (const LaneGraph* graph : std::as_const(m_graphs)) {
        if (!graph->visible() || graph->data()->isEmpty())
            continue;
        const auto last = graph->data()->constEnd() - 1;
        const QPointF end(mKeyAxis->coordToPixel(last->key), mValueAxis->coordToPixel(last->value));
        const QCPScatterStyle marker = graph->endMarkerStyle();
        if (!clip.adjusted(-marker.size(), -marker.size(), marker.size(), marker.size()).contains(end))
            continue; // scrolled or zoomed out of view
        marker.applyTo(painter, graph->pen());
        marker.drawShape(painter, end);
        shown.append({graph, end});
    }

    QList<QRectF> taken; // names drawn so far
    painter->setAntialiasing(false);
    painter->setFont(m_font);
    QColor veil = m_background;
    veil.setAlpha(200); // the lines stay visible under a name, the name readable over them
    for (const auto& [graph, end] : std::as_const(shown)) {
        if (graph->endLabel().isEmpty())
            continue;
        const QStaticText& text = laidOut(graph->endLabel());
        const QSizeF size = text.size() + QSizeF(4, 0);
        const double gap = graph->endMarkerStyle().size() / 2 + 2;
        // Right of the marker; left of it where the plot ends, e.g. at the live edge.
        QRectF label(QPointF(end.x() + gap, end.y() - size.height() / 2), size);
        if (label.right() > clip.right())
            label.moveRight(end.x() - gap);
        label.moveTop(std::clamp(label.top(), clip.top(), clip.bottom() - size.height()));
        const bool overlaps
            = std::any_of(taken.cbegin(), taken.cend(), [&](const QRectF& other) { return other.intersects(label); });
        if (overlaps)
            continue;
        taken.append(label);
        painter->fillRect(label, veil);
        painter->setPen(m_text);
        painter->drawStaticText(label.topLeft() + QPointF(2, 0), text);
    }
}

void LaneEndMarkers::drawLegendIcon(QCPPainter*, const QRectF&) const { }

} // namespace ProcViz
