/* test-softlif.vala: the Vala API of libsoftlif
 *
 * The generated softlif-1.0.vapi (with softlif-1.0-custom.vala) against
 * values found independently of the library: nengo's formulas written
 * out here, numpy's results as literals, and the documented defaults.
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* Helpers {{{ */

void fail (string why) {
	Test.message ("%s", why);
	Test.fail ();
}

/* |actual - expected| <= atol + rtol * |expected|, NaN never */
void check_close (double actual, double expected, double rtol, string what, double atol = 0.0) {
	if (!(Math.fabs (actual - expected) <= atol + rtol * Math.fabs (expected)))
		fail ("%s: %.17g, expected %.17g (tolerance %g relative, %g absolute)".printf (what, actual, expected, rtol, atol));
}

/* The same doubles, bit for bit (so 0.0 is not -0.0). */
void check_identical (double[] actual, double[] expected, string what) {
	if (actual.length != expected.length) {
		fail ("%s: %d values, expected %d".printf (what, actual.length, expected.length));
		return;
	}
	if (Memory.cmp (actual, expected, sizeof (double) * expected.length) != 0)
		fail ("%s: the values differ in their bits".printf (what));
}

void check_identical_float (float[] actual, float[] expected, string what) {
	if (actual.length != expected.length) {
		fail ("%s: %d values, expected %d".printf (what, actual.length, expected.length));
		return;
	}
	if (Memory.cmp (actual, expected, sizeof (float) * expected.length) != 0)
		fail ("%s: the values differ in their bits".printf (what));
}

void check_bytes (Bytes actual, uint8[] expected, string what) {
	if (actual.get_size () != expected.length) {
		fail ("%s: %d bytes, expected %d".printf (what, (int) actual.get_size (), expected.length));
		return;
	}
	if (Memory.cmp (actual.get_data (), expected, expected.length) != 0)
		fail ("%s: the bytes differ".printf (what));
}

/* The rate of nengo_extras' SoftLIFRate, as written there (with the
 * neuron's epsilon for the constant 1e-15). */
double nengo_soft_rate (double J, double sigma, double tau_rc, double tau_ref,
                        double amplitude, double epsilon) {
	double x = J - 1.0;
	double y = x / sigma;
	if (y < 34.0)
		x = sigma * Math.log1p (Math.exp (y));
	x += epsilon;
	return amplitude / (tau_ref + tau_rc * Math.log1p (1.0 / x));
}

/* Its derivative with respect to J: with j the smoothed excess current
 * and D = tau_ref + tau_rc * log1p (1 / j), d rate / dj is
 * A tau_rc / (D^2 j (1 + j)) and dj / dJ is the logistic function of y. */
double nengo_soft_derivative (double J, double sigma, double tau_rc, double tau_ref,
                              double amplitude, double epsilon) {
	double y = (J - 1.0) / sigma;
	double j = sigma * Math.log1p (Math.exp (y)) + epsilon;
	double D = tau_ref + tau_rc * Math.log1p (1.0 / j);
	double logistic = 1.0 / (1.0 + Math.exp (-y));
	return amplitude * tau_rc * logistic / (D * D * j * (1.0 + j));
}

Softlif.SoftLifRate new_neuron (double sigma, double tau_rc, double tau_ref,
                                double amplitude, double epsilon) {
	try {
		return new Softlif.SoftLifRate.full (sigma, tau_rc, tau_ref, amplitude, epsilon);
	} catch (GLib.Error e) {
		error ("new_full failed: %s", e.message);
	}
}

/* The test population: samples on both sides of every threshold, and
 * neurons with different slopes. */
const double[] X = { -1.0, -0.6, -0.25, -0.1, 0.0, 0.05, 0.3, 0.55, 1.0, 2.5 };
const double[] GAIN = { 1.5, 4.0, 12.0 };
const double[] BIAS = { 1.25, 1.0, -5.0 };

/* }}} */

/* Construction and properties {{{ */

void test_construct_defaults () {
	var neuron = new Softlif.SoftLifRate ();

	/* nengo_extras' SoftLIFRate defaults */
	assert_cmpfloat (neuron.sigma, CompareOperator.EQ, 1.0);
	assert_cmpfloat (neuron.tau_rc, CompareOperator.EQ, 0.02);
	assert_cmpfloat (neuron.tau_ref, CompareOperator.EQ, 0.002);
	assert_cmpfloat (neuron.amplitude, CompareOperator.EQ, 1.0);
	assert_cmpfloat (neuron.epsilon, CompareOperator.EQ, 1e-15);
	assert_cmpstr (neuron.to_string (), CompareOperator.EQ, "SoftLifRate()");
	assert_true (neuron is Softlif.LifRate);
	assert_true (neuron is Softlif.NeuronType);

	var lif = new Softlif.LifRate ();
	assert_cmpfloat (lif.tau_rc, CompareOperator.EQ, 0.02);
	assert_cmpfloat (lif.tau_ref, CompareOperator.EQ, 0.002);
	assert_cmpfloat (lif.amplitude, CompareOperator.EQ, 1.0);
	assert_cmpstr (lif.to_string (), CompareOperator.EQ, "LifRate()");
}

void test_construct_properties () {
	var neuron = (Softlif.SoftLifRate) Object.new (typeof (Softlif.SoftLifRate),
	                                               "sigma", 0.5,
	                                               "tau-rc", 0.03);
	assert_cmpfloat (neuron.sigma, CompareOperator.EQ, 0.5);
	assert_cmpfloat (neuron.tau_rc, CompareOperator.EQ, 0.03);
	assert_cmpfloat (neuron.tau_ref, CompareOperator.EQ, 0.002);
	assert_cmpfloat (neuron.epsilon, CompareOperator.EQ, 1e-15);
	assert_cmpstr (neuron.to_string (), CompareOperator.EQ, "SoftLifRate(tau_rc=0.03, sigma=0.5)");

	var initialised = new Softlif.SoftLifRate () { epsilon = 0.0, amplitude = 2.0 };
	assert_cmpfloat (initialised.epsilon, CompareOperator.EQ, 0.0);
	assert_cmpfloat (initialised.get_amplitude (), CompareOperator.EQ, 2.0);
}

void test_construct_full () {
	try {
		var neuron = new Softlif.SoftLifRate.full (0.01, 0.022, 0.002, 0.063, 0.0);
		assert_cmpfloat (neuron.get_sigma (), CompareOperator.EQ, 0.01);
		assert_cmpfloat (neuron.get_tau_rc (), CompareOperator.EQ, 0.022);
		assert_cmpfloat (neuron.get_tau_ref (), CompareOperator.EQ, 0.002);
		assert_cmpfloat (neuron.get_amplitude (), CompareOperator.EQ, 0.063);
		assert_cmpfloat (neuron.get_epsilon (), CompareOperator.EQ, 0.0);
		assert_cmpstr (neuron.to_string (), CompareOperator.EQ,
		               "SoftLifRate(tau_rc=0.022, amplitude=0.063, sigma=0.01, epsilon=0.0)");

		var lif = new Softlif.LifRate.full (0.05, 0.0, 3.0);
		assert_cmpfloat (lif.tau_rc, CompareOperator.EQ, 0.05);
		assert_cmpfloat (lif.tau_ref, CompareOperator.EQ, 0.0);
		assert_cmpfloat (lif.amplitude, CompareOperator.EQ, 3.0);
	} catch (GLib.Error e) {
		fail ("new_full failed: " + e.message);
	}
}

void test_properties_notify () {
	var neuron = new Softlif.SoftLifRate ();
	string notified = "";
	neuron.notify.connect ((obj, pspec) => { notified += pspec.name + ";"; });

	/* Setting the current value notifies nothing. */
	neuron.sigma = 1.0;
	neuron.tau_rc = 0.02;
	neuron.tau_ref = 0.002;
	neuron.amplitude = 1.0;
	neuron.epsilon = 1e-15;
	assert_cmpstr (notified, CompareOperator.EQ, "");

	neuron.sigma = 0.25;
	neuron.set_tau_rc (0.04);
	neuron.tau_ref = 0.0;
	neuron.amplitude = 0.5;
	neuron.set_epsilon (0.0);
	assert_cmpstr (notified, CompareOperator.EQ, "sigma;tau-rc;tau-ref;amplitude;epsilon;");
	assert_cmpfloat (neuron.sigma, CompareOperator.EQ, 0.25);
	assert_cmpfloat (neuron.tau_rc, CompareOperator.EQ, 0.04);
	assert_cmpfloat (neuron.tau_ref, CompareOperator.EQ, 0.0);
	assert_cmpfloat (neuron.amplitude, CompareOperator.EQ, 0.5);
	assert_cmpfloat (neuron.epsilon, CompareOperator.EQ, 0.0);

	Value v = Value (typeof (double));
	neuron.get_property ("sigma", ref v);
	assert_cmpfloat (v.get_double (), CompareOperator.EQ, 0.25);
}

void test_properties_invalid () {
	var neuron = new Softlif.SoftLifRate ();
	int n_notified = 0;
	neuron.notify.connect (() => { n_notified++; });

	/* A programmer error: a critical warning, and nothing changes. */
	Test.expect_message ("Softlif", LogLevelFlags.LEVEL_CRITICAL, "*softlif_param_is_valid*");
	neuron.sigma = -1.0;
	Test.assert_expected_messages ();
	Test.expect_message ("Softlif", LogLevelFlags.LEVEL_CRITICAL, "*softlif_param_is_valid*");
	neuron.tau_rc = double.NAN;
	Test.assert_expected_messages ();

	assert_cmpfloat (neuron.sigma, CompareOperator.EQ, 1.0);
	assert_cmpfloat (neuron.tau_rc, CompareOperator.EQ, 0.02);
	assert_cmpint (n_notified, CompareOperator.EQ, 0);
}

void test_version () {
	assert_cmpint (Softlif.MAJOR_VERSION, CompareOperator.EQ, 1);
	assert_cmpstr (Softlif.VERSION_S, CompareOperator.EQ,
	               "%d.%d.%d".printf (Softlif.MAJOR_VERSION, Softlif.MINOR_VERSION, Softlif.MICRO_VERSION));
	assert_true (Softlif.Error.quark () == Quark.from_string ("softlif-error-quark"));
}

/* }}} */

/* Computation, new arrays {{{ */

void test_step () {
	double[] sigmas = { 1.0, 0.5, 0.01 };
	double[] J = { -40.0, -3.0, 0.0, 0.5, 0.99, 1.0, 1.01, 1.2, 2.0, 5.0, 100.0, 1e6 };

	foreach (double sigma in sigmas) {
		foreach (double epsilon in new double[] { 1e-15, 0.0 }) {
			var neuron = new_neuron (sigma, 0.02, 0.002, 1.0, epsilon);
			try {
				double[] rates = neuron.step (0.001, J);
				assert_cmpint (rates.length, CompareOperator.EQ, J.length);
				for (int i = 0; i < J.length && i < rates.length; i++) {
					double y = (J[i] - 1.0) / sigma;
					if (epsilon == 0.0 && y < -700)
						continue;          /* e^y underflows in the formula */
					check_close (rates[i], nengo_soft_rate (J[i], sigma, 0.02, 0.002, 1.0, epsilon), 1e-12,
					             "step (sigma %g, epsilon %g) at J = %g".printf (sigma, epsilon, J[i]));
				}
			} catch (GLib.Error e) {
				fail ("step failed: " + e.message);
			}
		}
	}
}

void test_step_lif () {
	var lif = new Softlif.LifRate ();
	double[] J = { -1.0, 0.5, 1.0, 1.001, 1.5, 2.0, 10.0 };

	try {
		double[] rates = lif.step (0.001, J);
		assert_cmpint (rates.length, CompareOperator.EQ, J.length);
		for (int i = 0; i < J.length && i < rates.length; i++) {
			double expected = J[i] > 1.0 ? 1.0 / (0.002 + 0.02 * Math.log1p (1.0 / (J[i] - 1.0))) : 0.0;
			if (expected == 0.0)
				assert_cmpfloat (rates[i], CompareOperator.EQ, 0.0);
			else
				check_close (rates[i], expected, 1e-12, "LifRate.step at J = %g".printf (J[i]));
		}
	} catch (GLib.Error e) {
		fail ("step failed: " + e.message);
	}
}

void test_current () {
	/* numpy's gain * x[:, None] + bias: a product, rounded, then a sum,
	 * rounded. A fused multiply-add would give other bits for 6 of 9. */
	double[] x = { 0.3, 0.7, -0.9 };
	double[] gain = { 0.1, 1.1, 1.3 };
	double[] bias = { -0.03, -0.77, 1.0 };
	double[] expected = {
		0.0, -0.44, 1.3900000000000001,
		0.039999999999999994, 0.0, 1.91,
		-0.12000000000000001, -1.7600000000000002, -0.17000000000000015
	};
	var neuron = new Softlif.SoftLifRate ();

	try {
		check_identical (neuron.current (x, gain, bias), expected, "current");
	} catch (GLib.Error e) {
		fail ("current failed: " + e.message);
	}
}

void test_rates () {
	double sigma = 0.05, tau_rc = 0.022, tau_ref = 0.004, amplitude = 0.063, epsilon = 1e-15;
	var neuron = new_neuron (sigma, tau_rc, tau_ref, amplitude, epsilon);

	try {
		double[] rates = neuron.rates (X, GAIN, BIAS);
		assert_cmpint (rates.length, CompareOperator.EQ, X.length * GAIN.length);
		if (rates.length != X.length * GAIN.length)
			return;
		for (int s = 0; s < X.length; s++) {
			for (int k = 0; k < GAIN.length; k++) {
				double J = GAIN[k] * X[s] + BIAS[k];   /* exact for these values */
				check_close (rates[s * GAIN.length + k],
				             nengo_soft_rate (J, sigma, tau_rc, tau_ref, amplitude, epsilon), 1e-12,
				             "rates at x = %g, neuron %d".printf (X[s], k));
			}
		}
	} catch (GLib.Error e) {
		fail ("rates failed: " + e.message);
	}
}

void test_derivative () {
	double sigma = 0.05, tau_rc = 0.022, tau_ref = 0.004, amplitude = 0.063, epsilon = 1e-15;
	var neuron = new_neuron (sigma, tau_rc, tau_ref, amplitude, epsilon);

	try {
		double[] derivative = neuron.derivative (X, GAIN, BIAS);
		assert_cmpint (derivative.length, CompareOperator.EQ, X.length * GAIN.length);
		if (derivative.length != X.length * GAIN.length)
			return;
		for (int s = 0; s < X.length; s++) {
			for (int k = 0; k < GAIN.length; k++) {
				double J = GAIN[k] * X[s] + BIAS[k];
				/* d/dx = gain * d/dJ; the formula loses ~1e-14 in 1/(1+e^-y) */
				check_close (derivative[s * GAIN.length + k],
				             GAIN[k] * nengo_soft_derivative (J, sigma, tau_rc, tau_ref, amplitude, epsilon),
				             1e-10, "derivative at x = %g, neuron %d".printf (X[s], k));
			}
		}
	} catch (GLib.Error e) {
		fail ("derivative failed: " + e.message);
	}
}

/* 2^-23: one unit in the last place of a float, relative, at most */
const double FLOAT_ULP = 1.1920928955078125e-07;
/* 2^-149: the smallest subnormal float */
const double FLOAT_TRUE_MIN = 1.401298464324817e-45;

/* Within one float ulp of the exact value, which the double formula
 * approximates to ~1e-15. */
void check_float (float actual, double expected, string what) {
	check_close ((double) actual, expected, FLOAT_ULP, what);
}

void test_float () {
	double sigma = 0.05, tau_rc = 0.022, tau_ref = 0.004, amplitude = 0.063, epsilon = 1e-15;
	var neuron = new_neuron (sigma, tau_rc, tau_ref, amplitude, epsilon);
	/* Products and sums exact in single precision, so J is known. */
	float[] x = { -1.0f, -0.25f, 0.0f, 0.125f, 0.5f, 1.0f };
	float[] gain = { 1.5f, 4.0f, 12.0f };
	float[] bias = { 1.25f, 1.0f, -5.0f };

	try {
		float[] J = { -2.0f, 0.875f, 1.0f, 1.0625f, 3.0f };
		float[] step = neuron.step_float (0.001, J);
		assert_cmpint (step.length, CompareOperator.EQ, J.length);
		for (int i = 0; i < J.length && i < step.length; i++)
			check_float (step[i], nengo_soft_rate (J[i], sigma, tau_rc, tau_ref, amplitude, epsilon),
			             "step_float at J = %g".printf (J[i]));

		float[] current = neuron.current_float (x, gain, bias);
		float[] rates = neuron.rates_float (x, gain, bias);
		float[] derivative = neuron.derivative_float (x, gain, bias);
		int n = x.length * gain.length;
		assert_cmpint (current.length, CompareOperator.EQ, n);
		assert_cmpint (rates.length, CompareOperator.EQ, n);
		assert_cmpint (derivative.length, CompareOperator.EQ, n);
		if (current.length != n || rates.length != n || derivative.length != n)
			return;
		for (int s = 0; s < x.length; s++) {
			for (int k = 0; k < gain.length; k++) {
				int i = s * gain.length + k;
				double Jsk = (double) gain[k] * x[s] + bias[k];
				assert_cmpfloat (current[i], CompareOperator.EQ, Jsk);
				check_float (rates[i], nengo_soft_rate (Jsk, sigma, tau_rc, tau_ref, amplitude, epsilon),
				             "rates_float at x = %g, neuron %d".printf (x[s], k));
				/* No promise of 1 ulp for the derivative: allow 3. Where
				 * it is subnormal, the rounding of d rate / dJ to a
				 * float is then multiplied by the gain, as in numpy. */
				double d = gain[k] * nengo_soft_derivative (Jsk, sigma, tau_rc, tau_ref, amplitude, epsilon);
				check_close (derivative[i], (float) d, 3 * FLOAT_ULP,
				             "derivative_float at x = %g, neuron %d".printf (x[s], k),
				             (gain[k] + 2) * FLOAT_TRUE_MIN);
			}
		}
	} catch (GLib.Error e) {
		fail ("float computation failed: " + e.message);
	}
}

/* }}} */

/* Caller buffers {{{ */

/* The _into forms write what the array-returning forms return. */
void test_into () {
	var neuron = new_neuron (0.05, 0.022, 0.004, 0.063, 1e-15);
	int n = X.length * GAIN.length;

	try {
		double[] buffer = new double[n];

		assert_true (neuron.current_into (X, GAIN, BIAS, buffer));
		check_identical (buffer, neuron.current (X, GAIN, BIAS), "current_into");
		assert_true (neuron.rates_into (X, GAIN, BIAS, buffer));
		check_identical (buffer, neuron.rates (X, GAIN, BIAS), "rates_into");
		assert_true (neuron.derivative_into (X, GAIN, BIAS, buffer));
		check_identical (buffer, neuron.derivative (X, GAIN, BIAS), "derivative_into");

		double[] step = new double[X.length];
		assert_true (neuron.step_into (0.001, X, step));
		check_identical (step, neuron.step (0.001, X), "step_into");
	} catch (GLib.Error e) {
		fail ("a caller-buffer form failed: " + e.message);
	}
}

void test_into_float () {
	var neuron = new_neuron (0.05, 0.022, 0.004, 0.063, 1e-15);
	float[] x = { -1.0f, -0.3f, 0.0f, 0.1f, 0.7f, 1.0f };
	float[] gain = { 1.5f, 4.0f, 12.3f };
	float[] bias = { 1.25f, 1.0f, -5.1f };

	try {
		float[] buffer = new float[x.length * gain.length];

		assert_true (neuron.current_float_into (x, gain, bias, buffer));
		check_identical_float (buffer, neuron.current_float (x, gain, bias), "current_float_into");
		assert_true (neuron.rates_float_into (x, gain, bias, buffer));
		check_identical_float (buffer, neuron.rates_float (x, gain, bias), "rates_float_into");
		assert_true (neuron.derivative_float_into (x, gain, bias, buffer));
		check_identical_float (buffer, neuron.derivative_float (x, gain, bias), "derivative_float_into");

		float[] step = new float[x.length];
		assert_true (neuron.step_float_into (0.001, x, step));
		check_identical_float (step, neuron.step_float (0.001, x), "step_float_into");
	} catch (GLib.Error e) {
		fail ("a caller-buffer form failed: " + e.message);
	}
}

/* The output may be the input: the rates replace the currents. */
void test_into_in_place () {
	var neuron = new_neuron (0.05, 0.022, 0.004, 0.063, 1e-15);
	/* More than one block of the library, to cross a block boundary. */
	double[] J = new double[1000];
	for (int i = 0; i < J.length; i++)
		J[i] = -2.0 + 0.006 * i;

	try {
		double[] expected = neuron.step (0.001, J);
		assert_true (neuron.step_into (0.001, J, J));
		check_identical (J, expected, "step_into in place");

		float[] Jf = new float[1000];
		for (int i = 0; i < Jf.length; i++)
			Jf[i] = (float) (-2.0 + 0.006 * i);
		float[] expected_f = neuron.step_float (0.001, Jf);
		assert_true (neuron.step_float_into (0.001, Jf, Jf));
		check_identical_float (Jf, expected_f, "step_float_into in place");
	} catch (GLib.Error e) {
		fail ("step_into failed: " + e.message);
	}
}

/* }}} */

/* GBytes {{{ */

void test_bytes () {
	var neuron = new_neuron (0.05, 0.022, 0.004, 0.063, 1e-15);
	var x = new Bytes ((uint8[]) X);
	var gain = new Bytes ((uint8[]) GAIN);
	var bias = new Bytes ((uint8[]) BIAS);

	assert_cmpuint ((uint) x.get_size (), CompareOperator.EQ, (uint) (X.length * sizeof (double)));
	try {
		check_bytes (neuron.current_bytes (Softlif.Dtype.FLOAT64, x, gain, bias),
		             (uint8[]) neuron.current (X, GAIN, BIAS), "current_bytes");
		check_bytes (neuron.rates_bytes (Softlif.Dtype.FLOAT64, x, gain, bias),
		             (uint8[]) neuron.rates (X, GAIN, BIAS), "rates_bytes");
		check_bytes (neuron.derivative_bytes (Softlif.Dtype.FLOAT64, x, gain, bias),
		             (uint8[]) neuron.derivative (X, GAIN, BIAS), "derivative_bytes");
		check_bytes (neuron.step_bytes (0.001, Softlif.Dtype.FLOAT64, x),
		             (uint8[]) neuron.step (0.001, X), "step_bytes");

		/* Unaligned data, as a slice of a larger block may be. */
		uint8[] padded = new uint8[1 + X.length * (int) sizeof (double)];
		Memory.copy (&padded[1], X, X.length * sizeof (double));
		var whole = new Bytes (padded);
		var unaligned = new Bytes.from_bytes (whole, 1, X.length * sizeof (double));
		check_bytes (neuron.step_bytes (0.001, Softlif.Dtype.FLOAT64, unaligned),
		             (uint8[]) neuron.step (0.001, X), "step_bytes of unaligned data");
	} catch (GLib.Error e) {
		fail ("a GBytes form failed: " + e.message);
	}
}

void test_bytes_float () {
	var neuron = new_neuron (0.05, 0.022, 0.004, 0.063, 1e-15);
	float[] xf = { -1.0f, -0.3f, 0.0f, 0.1f, 0.7f, 1.0f };
	float[] gf = { 1.5f, 4.0f, 12.3f };
	float[] bf = { 1.25f, 1.0f, -5.1f };
	var x = new Bytes ((uint8[]) xf);
	var gain = new Bytes ((uint8[]) gf);
	var bias = new Bytes ((uint8[]) bf);

	assert_cmpuint ((uint) x.get_size (), CompareOperator.EQ, (uint) (xf.length * sizeof (float)));
	try {
		check_bytes (neuron.rates_bytes (Softlif.Dtype.FLOAT32, x, gain, bias),
		             (uint8[]) neuron.rates_float (xf, gf, bf), "rates_bytes, float32");
		check_bytes (neuron.derivative_bytes (Softlif.Dtype.FLOAT32, x, gain, bias),
		             (uint8[]) neuron.derivative_float (xf, gf, bf), "derivative_bytes, float32");
		check_bytes (neuron.step_bytes (0.001, Softlif.Dtype.FLOAT32, x),
		             (uint8[]) neuron.step_float (0.001, xf), "step_bytes, float32");
	} catch (GLib.Error e) {
		fail ("a GBytes form failed: " + e.message);
	}
}

/* }}} */

/* Gain and bias {{{ */

/* In C the two outputs share one length, n_out; in Vala each array must
 * carry it. */
void test_gain_bias_lengths () {
	var neuron = new Softlif.SoftLifRate ();
	double[] max_rates = { 100.0, 150.0, 200.0 };
	double[] intercepts = { -0.5, 0.0, 0.5 };
	double[] gain, bias, rates, icepts;

	try {
		neuron.gain_bias (max_rates, intercepts, out gain, out bias);
		if (gain.length != 3 || bias.length != 3)
			fail ("gain_bias: gain has %d values and bias %d, not 3".printf (gain.length, bias.length));
		neuron.max_rates_intercepts (GAIN, BIAS, out rates, out icepts);
		if (rates.length != 3 || icepts.length != 3)
			fail ("max_rates_intercepts: max_rates has %d values and intercepts %d, not 3".printf (
			      rates.length, icepts.length));
	} catch (GLib.Error e) {
		fail ("gain_bias failed: " + e.message);
	}
}

void test_gain_bias () {
	double tau_rc = 0.03, tau_ref = 0.004;
	var neuron = new_neuron (0.2, tau_rc, tau_ref, 0.063, 1e-15);
	double[] max_rates = { 20.0, 100.0, 150.0, 240.0 };
	double[] intercepts = { -0.9, -0.5, 0.0, 0.95 };
	double[] gain, bias, max_rates2, intercepts2;

	try {
		assert_true (neuron.gain_bias (max_rates, intercepts, out gain, out bias));
		assert_cmpint (bias.length, CompareOperator.EQ, 4);
		if (bias.length != 4)
			return;
		for (int i = 0; i < 4; i++) {
			/* nengo's LIFRate.gain_bias, as written there */
			double x = 1.0 / (1.0 - Math.exp ((tau_ref - 1.0 / max_rates[i]) / tau_rc));
			double g = (1.0 - x) / (intercepts[i] - 1.0);
			check_close (gain[i], g, 1e-12, "gain[%d]".printf (i));
			check_close (bias[i], 1.0 - g * intercepts[i], 1e-12, "bias[%d]".printf (i));
		}

		assert_true (neuron.max_rates_intercepts (gain, bias, out max_rates2, out intercepts2));
		assert_cmpint (intercepts2.length, CompareOperator.EQ, 4);
		if (intercepts2.length != 4)
			return;
		for (int i = 0; i < 4; i++) {
			check_close (max_rates2[i], max_rates[i], 1e-12, "max_rates[%d] back".printf (i));
			assert_cmpfloat_with_epsilon (intercepts2[i], intercepts[i], 1e-12);
		}
	} catch (GLib.Error e) {
		fail ("gain_bias failed: " + e.message);
	}
}

void test_gain_bias_float () {
	var neuron = new Softlif.SoftLifRate ();
	float[] max_rates = { 100.0f, 200.0f };
	float[] intercepts = { -0.5f, 0.25f };
	double[] max_rates_d = { 100.0, 200.0 };
	double[] intercepts_d = { -0.5, 0.25 };
	float[] gain, bias, max_rates2, intercepts2;
	double[] gain_d, bias_d;

	try {
		neuron.gain_bias_float (max_rates, intercepts, out gain, out bias);
		neuron.gain_bias (max_rates_d, intercepts_d, out gain_d, out bias_d);
		assert_cmpint (bias.length, CompareOperator.EQ, 2);
		if (bias.length != 2)
			return;
		for (int i = 0; i < 2; i++) {
			/* Through double precision, rounded once. */
			assert_cmpfloat (gain[i], CompareOperator.EQ, (float) gain_d[i]);
			assert_cmpfloat (bias[i], CompareOperator.EQ, (float) bias_d[i]);
		}
		neuron.max_rates_intercepts_float (gain, bias, out max_rates2, out intercepts2);
		assert_cmpint (intercepts2.length, CompareOperator.EQ, 2);
		if (intercepts2.length != 2)
			return;
		for (int i = 0; i < 2; i++) {
			check_close (max_rates2[i], max_rates[i], 1e-6, "max_rates_float[%d] back".printf (i));
			assert_cmpfloat_with_epsilon (intercepts2[i], intercepts[i], 1e-6);
		}
	} catch (GLib.Error e) {
		fail ("gain_bias_float failed: " + e.message);
	}
}

/* }}} */

/* Errors {{{ */

void test_error_invalid_parameter () {
	try {
		var neuron = new Softlif.SoftLifRate.full (-1.0, 0.02, 0.002, 1.0, 1e-15);
		fail ("new_full accepted sigma = -1: " + neuron.to_string ());
	} catch (Softlif.Error.INVALID_PARAMETER e) {
		assert_true ("sigma" in e.message);
		assert_true ("-1.0" in e.message);
	} catch (GLib.Error e) {
		fail ("sigma = -1: unexpected error " + e.message);
	}

	try {
		var neuron = new Softlif.SoftLifRate.full (1.0, 0.02, -0.5, 1.0, 1e-15);
		fail ("new_full accepted tau_ref = -0.5: " + neuron.to_string ());
	} catch (Softlif.Error.INVALID_PARAMETER e) {
		assert_true ("tau_ref" in e.message);
		assert_false ("sigma" in e.message);
	} catch (GLib.Error e) {
		fail ("tau_ref = -0.5: unexpected error " + e.message);
	}

	try {
		var neuron = new Softlif.SoftLifRate.full (1.0, 0.02, 0.002, 1.0, double.NAN);
		fail ("new_full accepted epsilon = nan: " + neuron.to_string ());
	} catch (GLib.Error e) {
		assert_error (e, Softlif.Error.quark (), Softlif.Error.INVALID_PARAMETER);
		assert_true ("epsilon" in e.message);
	}

	try {
		var lif = new Softlif.LifRate.full (0.0, 0.002, 1.0);
		fail ("LifRate.new_full accepted tau_rc = 0: " + lif.to_string ());
	} catch (GLib.Error e) {
		assert_error (e, Softlif.Error.quark (), Softlif.Error.INVALID_PARAMETER);
		assert_true ("tau_rc" in e.message);
	}

	try {
		var neuron = new Softlif.SoftLifRate ();
		double[] rates = neuron.step (0.0, X);
		fail ("step accepted dt = 0 and returned %d values".printf (rates.length));
	} catch (GLib.Error e) {
		assert_error (e, Softlif.Error.quark (), Softlif.Error.INVALID_PARAMETER);
		assert_true ("dt" in e.message);
	}
}

void test_error_size_mismatch () {
	var neuron = new Softlif.SoftLifRate ();
	double[] short_bias = { 1.0, 1.0 };

	try {
		double[] rates = neuron.rates (X, GAIN, short_bias);
		fail ("rates accepted 3 gains and 2 biases, returned %d values".printf (rates.length));
	} catch (Softlif.Error.SIZE_MISMATCH e) {
		assert_true ("gain" in e.message);
		assert_true ("bias" in e.message);
	} catch (GLib.Error e) {
		fail ("gain/bias lengths: unexpected error " + e.message);
	}

	try {
		double[] current = neuron.current (X, GAIN, short_bias);
		fail ("current accepted 3 gains and 2 biases, returned %d values".printf (current.length));
	} catch (GLib.Error e) {
		assert_error (e, Softlif.Error.quark (), Softlif.Error.SIZE_MISMATCH);
	}

	/* A wrong output length fails, and nothing is written. */
	double[] buffer = new double[X.length * GAIN.length - 1];
	for (int i = 0; i < buffer.length; i++)
		buffer[i] = 12345.0;
	try {
		neuron.rates_into (X, GAIN, BIAS, buffer);
		fail ("rates_into wrote %d values into room for %d".printf (X.length * GAIN.length, buffer.length));
	} catch (Softlif.Error.SIZE_MISMATCH e) {
		for (int i = 0; i < buffer.length; i++)
			assert_cmpfloat (buffer[i], CompareOperator.EQ, 12345.0);
	} catch (GLib.Error e) {
		fail ("rates_into: unexpected error " + e.message);
	}

	double[] step = new double[X.length + 1];
	try {
		neuron.step_into (0.001, X, step);
		fail ("step_into accepted an output longer than its input");
	} catch (GLib.Error e) {
		assert_error (e, Softlif.Error.quark (), Softlif.Error.SIZE_MISMATCH);
	}

	float[] out_f = new float[2];
	try {
		neuron.rates_float_into (new float[] { 0.5f }, new float[] { 1.0f }, new float[] { 1.0f }, out_f);
		fail ("rates_float_into accepted room for 2 values for 1");
	} catch (GLib.Error e) {
		assert_error (e, Softlif.Error.quark (), Softlif.Error.SIZE_MISMATCH);
	}

	/* 7 bytes are not a whole number of doubles. */
	try {
		var seven = new Bytes (new uint8[7]);
		var rates = neuron.step_bytes (0.001, Softlif.Dtype.FLOAT64, seven);
		fail ("step_bytes accepted 7 bytes as doubles, returned %d bytes".printf ((int) rates.get_size ()));
	} catch (GLib.Error e) {
		assert_error (e, Softlif.Error.quark (), Softlif.Error.SIZE_MISMATCH);
		assert_true ("J" in e.message);
	}

	double[] gain, bias;
	try {
		neuron.gain_bias (new double[] { 100.0, 200.0 }, new double[] { 0.0 }, out gain, out bias);
		fail ("gain_bias accepted 2 maximum rates and 1 intercept");
	} catch (GLib.Error e) {
		assert_error (e, Softlif.Error.quark (), Softlif.Error.SIZE_MISMATCH);
		assert_true ("max_rates" in e.message);
	}
}

void test_error_out_of_range () {
	var neuron = new Softlif.SoftLifRate ();      /* tau_ref = 0.002: below 500 Hz */
	double[] gain, bias;

	foreach (double max_rate in new double[] { 500.0, 600.0 }) {
		try {
			neuron.gain_bias (new double[] { 100.0, max_rate }, new double[] { 0.0, 0.0 }, out gain, out bias);
			fail ("gain_bias accepted a maximum rate of %g Hz".printf (max_rate));
		} catch (Softlif.Error.OUT_OF_RANGE e) {
			assert_true ("max_rates" in e.message);
			assert_true ("%.1f".printf (max_rate) in e.message);
		} catch (GLib.Error e) {
			fail ("max rate %g: unexpected error %s".printf (max_rate, e.message));
		}
	}

	/* Just below the limit is fine. */
	try {
		neuron.gain_bias (new double[] { 499.0 }, new double[] { 0.0 }, out gain, out bias);
		assert_cmpint (bias.length, CompareOperator.EQ, 1);
	} catch (GLib.Error e) {
		fail ("max rate 499 Hz: " + e.message);
	}

	try {
		neuron.gain_bias (new double[] { 100.0 }, new double[] { 1.0 }, out gain, out bias);
		fail ("gain_bias accepted an intercept of 1");
	} catch (GLib.Error e) {
		assert_error (e, Softlif.Error.quark (), Softlif.Error.OUT_OF_RANGE);
		assert_true ("intercepts" in e.message);
	}

	double[] max_rates, intercepts;
	try {
		neuron.max_rates_intercepts (new double[] { 0.0 }, new double[] { 1.0 }, out max_rates, out intercepts);
		fail ("max_rates_intercepts accepted a gain of 0");
	} catch (GLib.Error e) {
		assert_error (e, Softlif.Error.quark (), Softlif.Error.OUT_OF_RANGE);
		assert_true ("gain" in e.message);
	}
}

/* }}} */

int main (string[] args) {
	Test.init (ref args);
	/* A failed check fails its test case, and the others still run. */
	Test.set_nonfatal_assertions ();

	Test.add_func ("/soft-lif-rate/construct/defaults", test_construct_defaults);
	Test.add_func ("/soft-lif-rate/construct/properties", test_construct_properties);
	Test.add_func ("/soft-lif-rate/construct/full", test_construct_full);
	Test.add_func ("/soft-lif-rate/properties/notify", test_properties_notify);
	Test.add_func ("/soft-lif-rate/properties/invalid", test_properties_invalid);
	Test.add_func ("/softlif/version", test_version);
	Test.add_func ("/soft-lif-rate/step/matches-nengo", test_step);
	Test.add_func ("/lif-rate/step/matches-nengo", test_step_lif);
	Test.add_func ("/soft-lif-rate/current/matches-numpy", test_current);
	Test.add_func ("/soft-lif-rate/rates/matches-nengo", test_rates);
	Test.add_func ("/soft-lif-rate/derivative/matches-formula", test_derivative);
	Test.add_func ("/soft-lif-rate/float/matches-nengo", test_float);
	Test.add_func ("/soft-lif-rate/into/matches-arrays", test_into);
	Test.add_func ("/soft-lif-rate/into/float-matches-arrays", test_into_float);
	Test.add_func ("/soft-lif-rate/into/in-place", test_into_in_place);
	Test.add_func ("/soft-lif-rate/bytes/matches-arrays", test_bytes);
	Test.add_func ("/soft-lif-rate/bytes/float-matches-arrays", test_bytes_float);
	Test.add_func ("/soft-lif-rate/gain-bias/output-lengths", test_gain_bias_lengths);
	Test.add_func ("/soft-lif-rate/gain-bias/round-trip", test_gain_bias);
	Test.add_func ("/soft-lif-rate/gain-bias/float", test_gain_bias_float);
	Test.add_func ("/soft-lif-rate/errors/invalid-parameter", test_error_invalid_parameter);
	Test.add_func ("/soft-lif-rate/errors/size-mismatch", test_error_size_mismatch);
	Test.add_func ("/soft-lif-rate/errors/out-of-range", test_error_out_of_range);

	return Test.run ();
}

/* vim: set foldmethod=marker: */
