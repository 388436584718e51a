/* softlif-1.0-custom.vala: additions to the generated Vala API
 *
 * The caller-buffer forms that the GIR leaves out (Python and JavaScript
 * cannot hand the library a buffer to fill); Vala can, and avoids an
 * allocation per call. gain_bias_into and max_rates_intercepts_into are
 * left out: their two outputs share one length, which Vala cannot check.
 */

namespace Softlif {
	public abstract class NeuronType : GLib.Object {
		[CCode (cname = "softlif_neuron_type_step_into")]
		public bool step_into (double dt, [CCode (array_length_type = "gsize")] double[] J, [CCode (array_length_type = "gsize")] double[] @out) throws GLib.Error;
		[CCode (cname = "softlif_neuron_type_current_into")]
		public bool current_into ([CCode (array_length_type = "gsize")] double[] x, [CCode (array_length_type = "gsize")] double[] gain, [CCode (array_length_type = "gsize")] double[] bias, [CCode (array_length_type = "gsize")] double[] @out) throws GLib.Error;
		[CCode (cname = "softlif_neuron_type_rates_into")]
		public bool rates_into ([CCode (array_length_type = "gsize")] double[] x, [CCode (array_length_type = "gsize")] double[] gain, [CCode (array_length_type = "gsize")] double[] bias, [CCode (array_length_type = "gsize")] double[] @out) throws GLib.Error;
		[CCode (cname = "softlif_neuron_type_derivative_into")]
		public bool derivative_into ([CCode (array_length_type = "gsize")] double[] x, [CCode (array_length_type = "gsize")] double[] gain, [CCode (array_length_type = "gsize")] double[] bias, [CCode (array_length_type = "gsize")] double[] @out) throws GLib.Error;
		[CCode (cname = "softlif_neuron_type_step_float_into")]
		public bool step_float_into (double dt, [CCode (array_length_type = "gsize")] float[] J, [CCode (array_length_type = "gsize")] float[] @out) throws GLib.Error;
		[CCode (cname = "softlif_neuron_type_current_float_into")]
		public bool current_float_into ([CCode (array_length_type = "gsize")] float[] x, [CCode (array_length_type = "gsize")] float[] gain, [CCode (array_length_type = "gsize")] float[] bias, [CCode (array_length_type = "gsize")] float[] @out) throws GLib.Error;
		[CCode (cname = "softlif_neuron_type_rates_float_into")]
		public bool rates_float_into ([CCode (array_length_type = "gsize")] float[] x, [CCode (array_length_type = "gsize")] float[] gain, [CCode (array_length_type = "gsize")] float[] bias, [CCode (array_length_type = "gsize")] float[] @out) throws GLib.Error;
		[CCode (cname = "softlif_neuron_type_derivative_float_into")]
		public bool derivative_float_into ([CCode (array_length_type = "gsize")] float[] x, [CCode (array_length_type = "gsize")] float[] gain, [CCode (array_length_type = "gsize")] float[] bias, [CCode (array_length_type = "gsize")] float[] @out) throws GLib.Error;
	}
}
