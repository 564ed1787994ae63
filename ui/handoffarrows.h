// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <qcustomplot.h>

#include <optional>

namespace ProcViz {

class RunModel;
class TimelinePlottable;
struct Handoff;

/// Draws over the timeline what one process handed another: an arrow from the moment and lane it gave
/// something (a queue item, a message, a permit, the lock after a long wait) to the moment and lane it was
/// taken, labelled where there is room.
///
/// Thinned where dense: at most one arrow ends in every few pixels of time, the most recent of those that
/// would, so a lock passed thousands of times draws a readable comb instead of a smear.
class HandoffArrows : public QCPAbstractPlottable
{
public:
    struct Arrow
    {
        QPointF from;
        QPointF to;
        qsizetype handoff = -1; ///< index in RunModel::handoffs()
    };

    /// Rows and bars are @p lanes': an arrow starts and ends on the very lanes it draws.
    HandoffArrows(QCPAxis* keyAxis, QCPAxis* valueAxis, const TimelinePlottable* lanes);

    void setModel(const RunModel* model) { m_model = model; }
    void setColors(const QColor& text, const QColor& background);
    void setStyleScale(double scale) { m_styleScale = scale; }
    void setFont(const QFont& font) { m_font = font; }

    /// The arrows draw() paints at the axes' ranges now.
    QList<Arrow> arrows() const;
    /// The index of the hand-off whose arrow passes within @p distance pixels of @p pos, or -1.
    qsizetype handoffNear(const QPointF& pos, double distance) const;

    double selectTest(const QPointF& pos, bool onlySelectable, QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
        const QCPRange& inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    void drawArrow(QCPPainter* painter, const Arrow& arrow) const;
    void drawLabels(QCPPainter* painter, QList<Arrow> arrows) const;

    const TimelinePlottable* m_lanes;
    const RunModel* m_model = nullptr;
    QColor m_text = Qt::black;
    QColor m_background = Qt::white;
    QFont m_font;
    double m_styleScale = 1;
};

} // namespace ProcViz
