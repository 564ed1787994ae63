// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <qcustomplot.h>

namespace ProcViz {

class RunModel;

/// Draws the state intervals of many lanes as coloured bars, one row per lane (row i at value i).
///
/// Reads the model at draw time and never copies intervals: per row it binary-searches the first visible
/// interval and skips whatever falls inside a pixel already painted, so 64 lanes with thousands of lock
/// hand-overs each still draw in a few milliseconds.
class TimelinePlottable : public QCPAbstractPlottable
{
public:
    struct Row
    {
        int workerId = -1;
        int lane = 0;
    };

    explicit TimelinePlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);

    void setModel(const RunModel* model) { m_model = model; }
    void setRows(const QList<Row>& rows) { m_rows = rows; }
    const QList<Row>& rows() const { return m_rows; }
    void setSelectedWorker(int workerId) { m_selectedWorker = workerId; }
    void setTextColor(const QColor& color) { m_textColor = color; }
    /// LiveChart::styleScale(): thickens the selection frame and the thinnest bars with the font.
    void setStyleScale(double scale) { m_styleScale = scale; }
    void setFont(const QFont& font) { m_font = font; }

    double selectTest(const QPointF& pos, bool onlySelectable, QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
        const QCPRange& inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    void drawRow(QCPPainter* painter, int row, qint64 nowNs);

    const RunModel* m_model = nullptr;
    QList<Row> m_rows;
    int m_selectedWorker = -1;
    QColor m_textColor = Qt::black;
    QFont m_font;
    double m_styleScale = 1;
};

} // namespace ProcViz
