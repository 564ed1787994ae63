// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lanebarpainter.h"

#include <qcustomplot.h>

#include <optional>

namespace ProcViz {

class RunModel;
struct Lane;
struct StateInterval;
struct WorkerInfo;

/// Draws the state intervals of many lanes as coloured bars, one row per lane (row i at value i): what the
/// worker measured (a mixed window as its states' stacked shares), the engine's stopped and zombie over it,
/// a grey tail once the process is joined with its exit beside it, and the pool's tasks as boxes.
///
/// Reads the model at draw time and never copies intervals: per row it binary-searches the first visible
/// interval and sums whatever falls inside one pixel column without converting it to pixels, so 64 lanes
/// with thousands of lock hand-overs each still draw in a few milliseconds.
class TimelinePlottable : public QCPAbstractPlottable
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::TimelinePlottable) // no Q_OBJECT: nothing here needs the meta-object
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
    /// The row at pixel height @p y, or -1.
    int rowAt(double y) const;
    /// The bar of @p row: its top and bottom in pixels (the rest of the row is the gap between lanes).
    std::pair<double, double> barExtent(int row) const;
    /// What the worker reported for @p row's lane in [@p t0Ns, @p t1Ns) (relative), each interval weighted by
    /// the part of it inside; the engine's stopped and zombie, drawn over it, are not included.
    StateShares reportedShares(int row, qint64 t0Ns, qint64 t1Ns) const;

    void setSelectedWorker(int workerId) { m_selectedWorker = workerId; }
    void setTextColor(const QColor& color) { m_textColor = color; }
    void setBackgroundColor(const QColor& color) { m_background = color; }
    /// LiveChart::styleScale(): thickens the selection frame and the thinnest bars with the font.
    void setStyleScale(double scale) { m_styleScale = scale; }
    void setFont(const QFont& font) { m_font = font; }

    double selectTest(const QPointF& pos, bool onlySelectable, QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
        const QCPRange& inKeyRange = QCPRange()) const override;

    /// Where draw() last put its texts (the lanes' exits): others drawn over the lanes keep clear of them.
    QList<QRectF> labelRects() const;
    /// Paints those texts again, e.g. over arrows drawn across the lanes after them.
    void drawLabels(QCPPainter* painter) const;

    /// The time in each state that @p interval stands for: its duration, or a mixed window's shares.
    static StateShares sharesOf(const StateInterval& interval, qint64 nowNs);
    /// How the lane's end is told: "exit 3", "✗ killed (SIGKILL)", "✗ signal 15"; empty while it lives.
    static QString exitText(const WorkerInfo& worker);

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    void drawRow(QCPPainter* painter, int row, qint64 nowNs);
    void drawReported(QCPPainter* painter, const Lane& lane, double top, double bottom, qint64 nowNs);
    void drawEngineStates(
        QCPPainter* painter, const WorkerInfo& worker, qint64 fromNs, double top, double bottom, qint64 nowNs);
    /// Outlines each task and writes its index inside where it fits and @p exitLabel is not.
    void drawTasks(
        QCPPainter* painter, const Lane& lane, double top, double bottom, qint64 nowNs, const QRectF& exitLabel);
    void drawExit(const WorkerInfo& worker, int row, double top, double bottom);
    /// The time axis is linear: one multiplication per interval instead of a call into the axis.
    void takeTimeScale();
    double pixel(qint64 ns) const { return m_pixelAtZero + double(ns) * m_pixelsPerNs; }
    qint64 nsAt(double x) const { return qint64((x - m_pixelAtZero) / m_pixelsPerNs); }
    /// A font no taller than @p height pixels, or none when even the smallest readable one is too tall.
    std::optional<QFont> fontFitting(double height, double factor) const;

    const RunModel* m_model = nullptr;
    QList<Row> m_rows;
    int m_selectedWorker = -1;
    QColor m_textColor = Qt::black;
    QColor m_background = Qt::white;
    QFont m_font;
    double m_styleScale = 1;
    struct Label
    {
        QRectF rect;
        QString text;
        QFont font;
    };
    QList<Label> m_labels;
    double m_pixelAtZero = 0;
    double m_pixelsPerNs = 1;
};

} // namespace ProcViz
