// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

namespace ProcViz {

/// One row of a scenario's parameter table: what the CLI accepts as --name and the window shows as a field.
struct ParameterSpec
{
    enum class Type
    {
        Integer,
        Choice,
    };

    QString name; ///< e.g. "workers" (the CLI spells it --workers)
    Type type = Type::Integer;
    QVariant defaultValue;
    qint64 minimum = 0;
    qint64 maximum = 0;
    QStringList choices; ///< for Type::Choice
    const char* help = ""; ///< untranslated; marked with QT_TRANSLATE_NOOP("ProcViz::Scenario", ...)

    QString translatedHelp() const;
    /// "an integer from 1 to 64" or "one of: sequential, threads, gil"
    QString allowedValues() const;
    QString typeName() const; ///< "integer" or "choice"
};

} // namespace ProcViz
