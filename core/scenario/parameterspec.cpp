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
    return QCoreApplication::translate("ProcViz::ParameterSpec", "an integer from %1 to %2").arg(minimum).arg(maximum);
}

QString ParameterSpec::typeName() const
{
    return type == Type::Choice ? QStringLiteral("choice") : QStringLiteral("integer");
}

} // namespace ProcViz
