/* tuning-curves.vala: the tuning curves of a small soft LIF population
 *
 * The Vala version of tuning-curves.c; both print the same bytes, as do
 * tuning-curves.py and tuning-curves.js.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

int main () {
	double[] max_rates = { 100.0, 150.0, 200.0 };
	double[] intercepts = { -0.5, 0.0, 0.5 };
	double[] gain, bias;
	double[] x = new double[21];

	try {
		/* sigma, tau_rc, tau_ref, amplitude, epsilon */
		var neuron = new Softlif.SoftLifRate.full (0.01, 0.022, 0.002, 0.063, 1e-15);
		neuron.gain_bias (max_rates, intercepts, out gain, out bias);

		for (int i = 0; i < x.length; i++)
			x[i] = -1.0 + 0.1 * i;

		/* One row per x, one column per neuron. */
		double[] rates = neuron.rates (x, gain, bias);

		var text = new StringBuilder ();
		text.append_printf ("# %s\n", neuron.to_string ());
		text.append ("# gain");
		foreach (double g in gain)
			text.append_printf (" %.9f", g);
		text.append ("\n# bias");
		foreach (double b in bias)
			text.append_printf (" %.9f", b);
		text.append ("\n");

		for (int i = 0; i < x.length; i++) {
			text.append_printf ("%.2f", x[i]);
			for (int k = 0; k < gain.length; k++)
				text.append_printf (" %.9f", rates[i * gain.length + k]);
			text.append ("\n");
		}
		stdout.puts (text.str);
	} catch (GLib.Error e) {
		stderr.printf ("tuning-curves: %s\n", e.message);
		return 1;
	}

	return 0;
}
