"""The numpy algorithm of nengo_extras' SoftLIFRate, re-implemented from
its formula: the reference the tests and the benchmarks compare with.
Only numpy; nengo itself is not needed."""

import numpy as np

# nengo_extras SoftLIFRate._epsilon
EPSILON = 1e-15


def original_step_math(J, sigma, tau_rc, tau_ref, amplitude, epsilon=EPSILON):
    """SoftLIFRate.step_math: the rates in Hz of the currents J."""
    x = J - 1
    y = x / sigma
    valid = y < 34
    y_v = y[valid]
    np.exp(y_v, out=y_v)
    np.log1p(y_v, out=y_v)
    y_v *= sigma
    x[valid] = y_v
    x += epsilon
    return amplitude / (tau_ref + tau_rc * np.log1p(1. / x))


def original_step_math_into(J, output, sigma, tau_rc, tau_ref, amplitude,
                             epsilon=EPSILON):
    """SoftLIFRate.step_math as the original is called: the rates of the
    currents J written into the array output."""
    output[:] = original_step_math(J, sigma, tau_rc, tau_ref, amplitude, epsilon)


def original_rates_method(x, gain, bias, sigma, tau_rc, tau_ref, amplitude,
                          epsilon=EPSILON):
    """SoftLIFRate.rates as the original writes it: the currents gain * x +
    bias, an output array from zeros_like, and step_math into it."""
    J = gain * x
    J += bias
    out = np.zeros_like(J)
    original_step_math_into(J, out, sigma, tau_rc, tau_ref, amplitude, epsilon)
    return out


def original_current(x, gain, bias):
    """The currents of SoftLIFRate.rates, one row per sample."""
    J = gain * x[:, None]
    J += bias
    return J


def original_rates(x, gain, bias, sigma, tau_rc, tau_ref, amplitude,
                   epsilon=EPSILON):
    """SoftLIFRate.rates with x broadcast against the neurons."""
    J = original_current(x, gain, bias)
    return original_step_math(J, sigma, tau_rc, tau_ref, amplitude, epsilon)


def softrelu(x, sigma):
    """nengo_extras.neurons.softrelu."""
    y = x / sigma
    z = np.array(x)
    z[y < 34.0] = sigma * np.log1p(np.exp(y[y < 34.0]))
    return z


def original_derivative(x, gain, bias, sigma, tau_rc, tau_ref, amplitude,
                        epsilon=EPSILON):
    """SoftLIFRate.derivative of nengo_extras, with the epsilon of
    step_math added to j. Algebraically

        gain * amplitude * tau_rc * sigmoid (y / sigma) / (D**2 j (1 + j)),
        D = tau_ref + tau_rc * log1p (1 / j),

    computed as nengo_extras computes it. exp (-y / sigma) overflows far
    below the threshold, where the result is then 0."""
    y = gain * x[:, None] + bias - 1
    j = softrelu(y, sigma) + epsilon
    v = amplitude / (tau_ref + tau_rc * np.log1p(1. / j))
    with np.errstate(over='ignore'):
        return (gain * tau_rc * v * v) / (
            amplitude * j * (j + 1) * (1 + np.exp(-y / sigma)))
