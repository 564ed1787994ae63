// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "observedpython.h"

#include <QString>
#include <QStringList>

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

/// The promise of the state clock (core/telemetry/stateclock.h), checked on what the Python observer sent:
/// every nanosecond of a lane, from its Started to its Finished, is in exactly one closed State or Mix
/// record, with no gap and no overlap; and every open interval it announced is closed later.
inline QStringList laneProblems(const ObservedRun& run)
{
    using namespace ProcViz;
    struct Piece
    {
        qint64 begin;
        qint64 end;
    };
    struct Lane
    {
        qint64 started = -1;
        qint64 finished = -1;
        std::vector<Piece> pieces;
        std::vector<std::pair<qint64, int>> announced; ///< (begin, state) of open intervals
        std::vector<std::pair<qint64, int>> closed;
    };
    std::map<std::pair<int, int>, Lane> lanes;
    for (const auto& received : run.records) {
        const auto& record = received.record;
        auto& lane = lanes[{record.pid, record.lane}];
        switch (record.recordKind()) {
        case RecordKind::Started:
            lane.started = record.value2;
            break;
        case RecordKind::Finished:
            lane.finished = record.value2;
            break;
        case RecordKind::Mix:
            lane.pieces.push_back({record.value, record.value2});
            break;
        case RecordKind::State:
            if (record.value2 == 0) {
                lane.announced.push_back({record.value, record.state});
            } else {
                lane.pieces.push_back({record.value, record.value2});
                lane.closed.push_back({record.value, record.state});
            }
            break;
        default:
            break;
        }
    }
    QStringList problems;
    for (auto& [key, lane] : lanes) {
        const auto name = QStringLiteral("pid %1 lane %2: ").arg(key.first).arg(key.second);
        if (lane.pieces.empty() && lane.announced.empty())
            continue; // a process without lanes (a helper), or lane-less records (Exited)
        if (lane.started < 0) {
            problems << name + QStringLiteral("states without Started");
            continue;
        }
        std::sort(lane.pieces.begin(), lane.pieces.end(), [](const Piece& a, const Piece& b) { return a.begin < b.begin; });
        qint64 at = lane.started;
        for (const auto& piece : lane.pieces) {
            if (piece.begin != at) {
                problems << name + QStringLiteral("%1 ns from %2").arg(piece.begin - at).arg(piece.begin > at ? QStringLiteral("a gap") : QStringLiteral("an overlap"));
                break;
            }
            at = piece.end;
        }
        if (lane.finished >= 0 && at != lane.finished)
            problems << name + QStringLiteral("ends %1 ns before its Finished").arg(lane.finished - at);
        for (const auto& open : lane.announced) {
            if (std::find(lane.closed.begin(), lane.closed.end(), open) == lane.closed.end() && lane.finished >= 0)
                problems << name + QStringLiteral("an announced state never closed");
        }
    }
    return problems;
}
