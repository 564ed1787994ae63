// SPDX-License-Identifier: GPL-3.0-or-later
#include "statepalette.h"

#include <QCoreApplication>

#include <array>

namespace ProcViz::StatePalette {

namespace {
constexpr std::array<QRgb, SeriesColorCount> OkabeIto
    = {0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0xCC79A7, 0x56B4E9, 0xF0E442};
} // namespace

QColor stateColor(WorkerState state)
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

QString stateLabel(WorkerState state, bool brief)
{
    switch (state) {
    case WorkerState::Running:
        return QCoreApplication::translate("ProcViz::StatePalette", "running");
    case WorkerState::Waiting:
        return QCoreApplication::translate("ProcViz::StatePalette", "waiting");
    case WorkerState::Holding:
        return QCoreApplication::translate("ProcViz::StatePalette", "holding");
    case WorkerState::Sleeping:
        return QCoreApplication::translate("ProcViz::StatePalette", "sleeping");
    case WorkerState::Stopped:
        return brief ? QCoreApplication::translate("ProcViz::StatePalette", "stopped")
                     : QCoreApplication::translate("ProcViz::StatePalette", "stopped (SIGSTOP)");
    case WorkerState::Zombie:
        return brief ? QCoreApplication::translate("ProcViz::StatePalette", "zombie")
                     : QCoreApplication::translate("ProcViz::StatePalette", "zombie (not joined)");
    case WorkerState::Done:
        return QCoreApplication::translate("ProcViz::StatePalette", "done");
    }
    return {};
}

QColor seriesColor(int index, const QColor& background)
{
    QColor color = QColor::fromRgb(OkabeIto[size_t(index) % OkabeIto.size()]);
    if (background.lightness() < 128 && color.lightness() < 110)
        color = color.lighter(160);
    return color;
}

} // namespace ProcViz::StatePalette
