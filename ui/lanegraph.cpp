// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanegraph.h"

namespace ProcViz {

namespace {
// ssCircle rather than ssDisc: QCustomPlot fills a disc with its pen's colour, here the rim's.
bool isFilled(QCPScatterStyle::ScatterShape shape)
{
    switch (shape) {
    case QCPScatterStyle::ssCircle:
    case QCPScatterStyle::ssSquare:
    case QCPScatterStyle::ssDiamond:
    case QCPScatterStyle::ssTriangle:
    case QCPScatterStyle::ssTriangleInverted:
        return true;
    default:
        return false;
    }
}
} // namespace

LaneGraph::LaneGraph(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPGraph(keyAxis, valueAxis)
{ }

void LaneGraph::setEndMarker(QCPScatterStyle::ScatterShape shape, double size, const QColor& outline)
{
    m_shape = shape;
    m_size = size;
    m_outline = outline;
}

QCPScatterStyle LaneGraph::endMarkerStyle() const
{
    const QColor color = pen().color();
    if (isFilled(m_shape)) {
        // A thin rim in the background's colour keeps a marker whole where it sits on another line.
        return QCPScatterStyle(m_shape, QPen(m_outline, std::max(1.0, pen().widthF() / 2)), color, m_size);
    }
    // Crosses, stars and the like are all outline: drawn in the line's colour at the line's width.
    QPen stroke(color, pen().widthF());
    stroke.setCapStyle(Qt::FlatCap);
    return QCPScatterStyle(m_shape, stroke, Qt::NoBrush, m_size);
}

void LaneGraph::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const
{
    QCPGraph::drawLegendIcon(painter, rect);
    applyScattersAntialiasingHint(painter);
    const QCPScatterStyle marker = endMarkerStyle();
    marker.applyTo(painter, pen());
    marker.drawShape(painter, rect.center());
}

} // namespace ProcViz
