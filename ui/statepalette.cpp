// SPDX-License-Identifier: GPL-3.0-or-later
#include "statepalette.h"

#include <array>

namespace ProcViz {

namespace {
constexpr std::array<QRgb, StatePalette::SeriesColorCount> OkabeIto
    = {0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0xCC79A7, 0x56B4E9, 0xF0E442};
} // namespace

QColor StatePalette::stateColor(WorkerState state)
{
    switch (state) {
    case WorkerState::Running:
        return QColor(0x009E73); // bluish green: working
    case WorkerState::Waiting:
        return QColor(0xE69F00); // orange: blocked on someone else
    case WorkerState::Holding:
        return QColor(0x0072B2); // blue: inside the guarded section
    case WorkerState::Sleeping:
        return QColor(0x56B4E9); // sky blue: idle by choice
    case WorkerState::Stopped:
        return QColor(0xD55E00); // vermillion: frozen by SIGSTOP
    case WorkerState::Zombie:
        return QColor(0xCC79A7); // reddish purple: dead but not yet joined
    case WorkerState::Done:
        return QColor(0xBBBBBB);
    }
    return Qt::gray;
}

QString StatePalette::stateLabel(WorkerState state, bool brief)
{
    switch (state) {
    case WorkerState::Running:
        return tr("running");
    case WorkerState::Waiting:
        return tr("waiting");
    case WorkerState::Holding:
        return tr("holding");
    case WorkerState::Sleeping:
        return tr("sleeping");
    case WorkerState::Stopped:
        return brief ? tr("stopped")
                     : tr("stopped (SIGSTOP)");
    case WorkerState::Zombie:
        return brief ? tr("zombie")
                     : tr("zombie (not joined)");
    case WorkerState::Done:
        return tr("done");
    }
    return {};
}

QColor StatePalette::seriesColor(int index, const QColor& background)
{
    QColor color = QColor::fromRgb(OkabeIto[size_t(index) % OkabeIto.size()]);
    if (background.lightness() < 128 && color.lightness() < 110)
        color = color.lighter(160);
    return color;
}

} // namespace ProcViz
