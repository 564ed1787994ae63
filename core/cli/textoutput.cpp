// SPDX-License-Identifier: GPL-3.0-or-later
#include "textoutput.h"

#include "scenario/scenario.h"

#include <QCoreApplication>
#include <QStringList>

namespace ProcViz {

void print(FILE* stream, const QString& text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

QString wrapped(const QString& text, int indent, int width)
{
    const QString margin(indent, QLatin1Char(' '));
    QString result = margin;
    qsizetype lineLength = indent;
    for (const auto& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (lineLength > indent && lineLength + 1 + word.size() > width) {
            result += QLatin1Char('\n') + margin;
            lineLength = indent;
        } else if (lineLength > indent) {
            result += QLatin1Char(' ');
            ++lineLength;
        }
        result += word;
        lineLength += word.size();
    }
    return result + QLatin1Char('\n');
}

QString parameterHelp(const Scenario& scenario)
{
    QString rows;
    for (const auto& spec : scenario.parameters().specs()) {
        const QString valueName = spec.type == ParameterSpec::Type::Integer ? QStringLiteral("N") : spec.name.toUpper();
        const QString option = QStringLiteral("  --%1 %2").arg(spec.name, valueName);
        rows += option.leftJustified(26) + QLatin1Char(' ')
            + QCoreApplication::translate("ProcViz::CommandLine", "default %1; %2")
                  .arg(spec.defaultValue.toString(), spec.allowedValues())
            + QLatin1Char('\n');
        if (const QString help = spec.translatedHelp(); !help.isEmpty())
            rows += wrapped(help, 27);
    }
    return rows;
}

} // namespace ProcViz
