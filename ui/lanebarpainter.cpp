// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanebarpainter.h"

#include "statepalette.h"

#include <QPainter>

#include <cmath>

namespace ProcViz {

LaneBarPainter::LaneBarPainter(QPainter* painter, double top, double bottom)
    : m_painter(painter)
    , m_top(int(std::lround(top)))
    , m_bottom(std::max(int(std::lround(bottom)), int(std::lround(top)) + 1))
{ }

void LaneBarPainter::addWide(double x0, double x1, const StateShares& shares)
{
    int from = int(std::lround(x0));
    if (m_columnUsed) {
        from = std::max(from, m_column + 1);
        flushColumn();
    }
    addStrip(from, int(std::lround(x1)), shares);
}

void LaneBarPainter::addToColumn(int column, const StateShares& shares)
{
    if (m_columnUsed && column != m_column)
        flushColumn();
    m_column = column;
    m_columnUsed = true;
    for (size_t state = 0; state < shares.size(); ++state)
        m_columnShares[state] += shares[state];
}

void LaneBarPainter::flushColumn()
{
    if (!m_columnUsed)
        return;
    addStrip(m_column, m_column + 1, m_columnShares);
    m_columnShares = {};
    m_columnUsed = false;
}

void LaneBarPainter::addStrip(int x0, int x1, const StateShares& shares)
{
    double total = 0;
    for (double share : shares)
        total += share;
    if (x1 <= x0 || total <= 0)
        return;
    // Each edge rounded from the running sum, so the shares always fill the bar exactly.
    Edges edges;
    edges[0] = m_top;
    double sum = 0;
    for (int state = 0; state < WorkerStateCount; ++state) {
        sum += shares[size_t(state)];
        edges[size_t(state) + 1] = m_top + int((m_bottom - m_top) * sum / total + 0.5);
    }
    if (m_x1 > m_x0 && x0 <= m_x1 && x0 >= m_x0 && edges == m_edges) {
        m_x1 = std::max(m_x1, x1);
        return;
    }
    paintStrip();
    m_x0 = x0;
    m_x1 = x1;
    m_edges = edges;
}

void LaneBarPainter::finish()
{
    flushColumn();
    paintStrip();
}

void LaneBarPainter::paintStrip()
{
    static const auto colors = [] {
        std::array<QColor, WorkerStateCount> colors;
        for (int state = 0; state < WorkerStateCount; ++state)
            colors[size_t(state)] = StatePalette::stateColor(WorkerState(state));
        return colors;
    }();
    if (m_x1 <= m_x0)
        return;
    for (int state = 0; state < WorkerStateCount; ++state) {
        const int y0 = m_edges[size_t(state)];
        const int y1 = m_edges[size_t(state) + 1];
        if (y1 > y0)
            m_painter->fillRect(m_x0, y0, m_x1 - m_x0, y1 - y0, colors[size_t(state)]);
    }
    m_x0 = m_x1 = 0;
}

} // namespace ProcViz
