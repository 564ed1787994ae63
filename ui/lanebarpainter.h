// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/workerstate.h"

#include <array>

class QPainter;

namespace ProcViz {

/// Time per state in any unit: only the proportions count.
using StateShares = std::array<double, WorkerStateCount>;

/// Paints one lane's bar left to right as strips of whole pixel columns, each split top to bottom into
/// its states' shares in state order (a plain interval is one share). A strip that touches the previous one
/// and splits the same way extends it: a second of 1-pixel columns with a steady mix becomes a few
/// rectangles, not thousands.
class LaneBarPainter
{
public:
    LaneBarPainter(QPainter* painter, double top, double bottom);

    /// Something at least a pixel wide, from @p x0 to @p x1, left of nothing added before: one strip from its
    /// rounded begin (or the column after the one being summed) to its rounded end.
    void addWide(double x0, double x1, const StateShares& shares);
    /// Adds @p shares to pixel column @p column, not left of the last one added to: what is summed in one
    /// column is drawn as its shares of the column's height.
    void addToColumn(int column, const StateShares& shares);
    /// Paints what is still pending. Also called by the destructor.
    void finish();
    ~LaneBarPainter() { finish(); }

    LaneBarPainter(const LaneBarPainter&) = delete;
    LaneBarPainter& operator=(const LaneBarPainter&) = delete;

private:
    /// Columns [@p x0, @p x1) split by @p shares; nothing when empty.
    void addStrip(int x0, int x1, const StateShares& shares);
    void flushColumn();
    void paintStrip();

    using Edges = std::array<int, WorkerStateCount + 1>;

    QPainter* m_painter;
    int m_top;
    int m_bottom;
    int m_x0 = 0;
    int m_x1 = 0; ///< m_x0 == m_x1: nothing pending
    Edges m_edges {};
    int m_column = 0;
    StateShares m_columnShares {}; ///< what falls in m_column so far
    bool m_columnUsed = false;
};

} // namespace ProcViz
