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
        Text, ///< free text of at most `maximum` characters (e.g. a comma-separated list of messages)
    };

    QString name; ///< e.g. "workers" (the CLI spells it --workers)
    Type type = Type::Integer;
    QVariant defaultValue;
    qint64 minimum = 0;
    qint64 maximum = 0;
    QStringList choices; ///< for Type::Choice
    const char* help = ""; ///< untranslated; marked with QT_TRANSLATE_NOOP("ProcViz::Scenario", ...)

    QString translatedHelp() const;
    /// "an integer from 1 to 64", "one of: sequential, threads, gil" or "text of at most 400 characters"
    QString allowedValues() const;
    QString typeName() const; ///< "integer", "choice" or "text"
};

} // namespace ProcViz
