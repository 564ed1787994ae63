// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace ProcViz {

/// A signal the engine sends on purpose during a run: `--kill 2@1.5`, `--stop holder@1`, `--cont 0@3`.
struct FaultAction
{
    enum class Kind
    {
        Kill, ///< SIGKILL
        Stop, ///< SIGSTOP
        Continue, ///< SIGCONT
    };

    Kind kind = Kind::Kill;
    int workerIndex = -1; ///< the worker's index in the running phase; -1 means "whoever holds the lock or a permit"
    double atSeconds = 0; ///< after the start of the run

    bool targetsHolder() const { return workerIndex < 0; }
    int signal() const;
    QString optionName() const; ///< "kill", "stop" or "cont"
    QString signalName() const; ///< "SIGKILL", ...

    /// Parses "TARGET@SECONDS" (TARGET a worker index or "holder"); nothing and @p error set when malformed.
    static std::optional<FaultAction> parse(Kind kind, QStringView text, QString* error);
};

} // namespace ProcViz
