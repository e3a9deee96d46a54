-- AlterEnum
ALTER TYPE "RaisonReservation" ADD VALUE 'REPRISE';
