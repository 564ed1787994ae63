// SPDX-License-Identifier: GPL-3.0-or-later
#include "parameterspec.h"

#include <QCoreApplication>

namespace ProcViz {

QString ParameterSpec::translatedHelp() const
{
    return QCoreApplication::translate("ProcViz::Scenario", help);
}

QString ParameterSpec::allowedValues() const
{
    if (type == Type::Choice)
        return QCoreApplication::translate("ProcViz::ParameterSpec", "one of: %1")
            .arg(choices.join(QLatin1String(", ")));
    if (type == Type::Text)
        return QCoreApplication::translate("ProcViz::ParameterSpec", "text of at most %1 characters").arg(maximum);
    return QCoreApplication::translate("ProcViz::ParameterSpec", "an integer from %1 to %2").arg(minimum).arg(maximum);
}

QString ParameterSpec::typeName() const
{
    switch (type) {
    case Type::Choice:
        return QStringLiteral("choice");
    case Type::Text:
        return QStringLiteral("text");
    case Type::Integer:
        break;
    }
    return QStringLiteral("integer");
}

} // namespace ProcViz
