/* softlif-demo: print soft LIF tuning curves
 *
 * Prints the firing rate against the input current J for the soft LIF
 * neuron with nengo_extras' defaults, for the parameters of the
 * nengo_extras Keras MNIST example, and for the hard LIF neuron.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <softlif.h>

int
main (void)
{
  static const double J[] = {
    -10.0, -1.0, 0.0, 0.5, 0.9, 0.95, 0.99, 1.0, 1.01, 1.05, 1.1,
    1.25, 1.5, 2.0, 3.0, 5.0, 10.0, 100.0,
  };
  const gsize n = G_N_ELEMENTS (J);
  g_autoptr(GError) error = NULL;
  g_autoptr(SoftlifSoftLifRate) soft = softlif_soft_lif_rate_new ();
  g_autoptr(SoftlifSoftLifRate) mnist = NULL;
  g_autoptr(SoftlifLifRate) lif = softlif_lif_rate_new ();
  SoftlifNeuronType *neurons[3];
  g_autofree double *rates[3] = { NULL, };
  g_autofree char *names[3] = { NULL, };

  /* sigma, tau_rc, tau_ref, amplitude, epsilon */
  mnist = softlif_soft_lif_rate_new_full (0.01, 0.022, 0.002, 0.063, 1e-15, &error);
  if (mnist == NULL)
    {
      fprintf (stderr, "softlif-demo: %s\n", error->message);
      return EXIT_FAILURE;
    }

  neurons[0] = SOFTLIF_NEURON_TYPE (soft);
  neurons[1] = SOFTLIF_NEURON_TYPE (mnist);
  neurons[2] = SOFTLIF_NEURON_TYPE (lif);

  for (int k = 0; k < 3; k++)
    {
      gsize n_out;

      names[k] = softlif_neuron_type_to_string (neurons[k]);
      rates[k] = softlif_neuron_type_step (neurons[k], 0.001, J, n, &n_out, &error);
      if (rates[k] == NULL)
        {
          fprintf (stderr, "softlif-demo: %s\n", error->message);
          return EXIT_FAILURE;
        }
    }

  printf ("Firing rates in Hz against the input current J\n");
  for (int k = 0; k < 3; k++)
    printf ("  (%c) %s\n", 'a' + k, names[k]);
  printf ("\n%10s %22s %22s %22s\n", "J", "(a)", "(b)", "(c)");
  for (gsize i = 0; i < n; i++)
    printf ("%10g %22.15g %22.15g %22.15g\n", J[i], rates[0][i], rates[1][i], rates[2][i]);

  return EXIT_SUCCESS;
}
