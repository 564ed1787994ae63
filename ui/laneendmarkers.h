// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QStaticText>
#include <qcustomplot.h>

namespace ProcViz {

class LaneGraph;

/// Draws, above every line, each LaneGraph's marker at its newest point and its short name beside it.
///
/// Names that would overlap one already drawn are left out (lines that run together end together), so the
/// visible ones stay readable; the marker shape still tells every line apart and the timeline names them all.
class LaneEndMarkers : public QCPAbstractPlottable
{
public:
    LaneEndMarkers(QCPAxis* keyAxis, QCPAxis* valueAxis);

    void setGraphs(const QList<LaneGraph*>& graphs) { m_graphs = graphs; }
    void setLabelFont(const QFont& font);
    void setLabelColors(const QColor& text, const QColor& background);

    double selectTest(const QPointF& pos, bool onlySelectable, QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
        const QCPRange& inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    const QStaticText& laidOut(const QString& label);

    QList<LaneGraph*> m_graphs;
    QFont m_font;
    /// Each name laid out once, not at every replot: plain drawText() shapes the text on every call.
    QHash<QString, QStaticText> m_texts;
    QColor m_text = Qt::black;
    QColor m_background = Qt::white;
};

} // namespace ProcViz
