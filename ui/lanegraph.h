// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <qcustomplot.h>

namespace ProcViz {

/// A line of one lane with the marker that tells it apart from lines of the same colour: drawn at the line's
/// end by LaneEndMarkers and in the legend next to its name, so the legend keys match what the plot shows.
class LaneGraph : public QCPGraph
{
public:
    LaneGraph(QCPAxis* keyAxis, QCPAxis* valueAxis);

    /// The marker's shape; its colour is the pen's. Filled shapes get the @p outline colour around them.
    void setEndMarker(QCPScatterStyle::ScatterShape shape, double size, const QColor& outline);
    QCPScatterStyle endMarkerStyle() const;
    QCPScatterStyle::ScatterShape endShape() const { return m_shape; }

    /// A few characters beside the marker, e.g. "w12".
    void setEndLabel(const QString& label) { m_label = label; }
    const QString& endLabel() const { return m_label; }

protected:
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    QCPScatterStyle::ScatterShape m_shape = QCPScatterStyle::ssCircle;
    double m_size = 10;
    QColor m_outline = Qt::white;
    QString m_label;
};

} // namespace ProcViz
