/* tuning-curves: the tuning curves of a small soft LIF population
 *
 * Three neurons with the parameters of the nengo_extras Keras MNIST
 * example, given by their maximum rates and intercepts, as nengo
 * specifies an ensemble. Prints gain and bias, then the rate of each
 * neuron for x from -1 to 1.
 *
 * tuning-curves.py, tuning-curves.js and tuning-curves.vala print the
 * same bytes; tests/examples-agree.sh checks that they do.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <softlif.h>

#define N_X 21

int
main (void)
{
  static const double max_rates[] = { 100.0, 150.0, 200.0 };
  static const double intercepts[] = { -0.5, 0.0, 0.5 };
  const gsize n_neurons = G_N_ELEMENTS (max_rates);
  g_autoptr(GError) error = NULL;
  g_autoptr(SoftlifSoftLifRate) neuron = NULL;
  g_autofree char *name = NULL;
  g_autofree double *gain = NULL;
  g_autofree double *bias = NULL;
  g_autofree double *rates = NULL;
  double x[N_X];
  gsize n_gain, n_rates;

  /* sigma, tau_rc, tau_ref, amplitude, epsilon */
  neuron = softlif_soft_lif_rate_new_full (0.01, 0.022, 0.002, 0.063, 1e-15, &error);
  if (neuron == NULL)
    {
      fprintf (stderr, "tuning-curves: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (!softlif_neuron_type_gain_bias (SOFTLIF_NEURON_TYPE (neuron),
                                      max_rates, n_neurons, intercepts, n_neurons,
                                      &gain, &n_gain, &bias, &n_gain, &error))
    {
      fprintf (stderr, "tuning-curves: %s\n", error->message);
      return EXIT_FAILURE;
    }

  for (int i = 0; i < N_X; i++)
    x[i] = -1.0 + 0.1 * i;

  /* One row per x, one column per neuron. */
  rates = softlif_neuron_type_rates (SOFTLIF_NEURON_TYPE (neuron), x, N_X,
                                     gain, n_gain, bias, n_gain, &n_rates, &error);
  if (rates == NULL)
    {
      fprintf (stderr, "tuning-curves: %s\n", error->message);
      return EXIT_FAILURE;
    }

  name = softlif_neuron_type_to_string (SOFTLIF_NEURON_TYPE (neuron));
  printf ("# %s\n", name);
  printf ("# gain");
  for (gsize k = 0; k < n_gain; k++)
    printf (" %.9f", gain[k]);
  printf ("\n# bias");
  for (gsize k = 0; k < n_gain; k++)
    printf (" %.9f", bias[k]);
  printf ("\n");

  for (int i = 0; i < N_X; i++)
    {
      printf ("%.2f", x[i]);
      for (gsize k = 0; k < n_gain; k++)
        printf (" %.9f", rates[i * n_gain + k]);
      printf ("\n");
    }

  return EXIT_SUCCESS;
}
