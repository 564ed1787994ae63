// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parameterspec.h"

#include <QList>
#include <QVariantMap>

namespace ProcViz {

/// The outcome of checking parameters: the complete, typed values, or the first error found.
struct ResolvedParameters
{
    QVariantMap values; ///< every parameter, defaults filled in: qint64 for integers, QString for choices and text
    QString error; ///< empty when the parameters are usable

    bool isValid() const { return error.isEmpty(); }
};

/// Checks parameter values (from the command line as strings, or typed from the window) against a table.
class ParameterTable
{
public:
    explicit ParameterTable(QList<ParameterSpec> specs);

    const QList<ParameterSpec>& specs() const { return m_specs; }
    const ParameterSpec* find(QStringView name) const;
    QVariantMap defaults() const;

    /// Refuses unknown names and values of the wrong type or out of range; fills in defaults.
    /// Each error names the parameter and what it allows.
    ResolvedParameters resolve(const QVariantMap& given) const;

private:
    QList<ParameterSpec> m_specs;
};

} // namespace ProcViz
